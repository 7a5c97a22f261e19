import markdownIt from 'markdown-it';

export const markdown = markdownIt({
  html: true,
  linkify: true,
  typographer: true,
});
