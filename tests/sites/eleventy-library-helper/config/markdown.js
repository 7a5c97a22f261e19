const markdownIt = require("markdown-it");

// The helper sets the library itself: the configuration only calls it.
function configureMarkdown(eleventyConfig) {
  const md = markdownIt({ html: true, linkify: true });
  eleventyConfig.setLibrary("md", md);
  return md;
}

module.exports = { configureMarkdown };
