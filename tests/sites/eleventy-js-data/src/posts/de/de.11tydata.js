export default {
  lang: 'de',
  layout: 'post',
  permalink: '/de/blog/{{ title | slugify }}/index.html',
  eleventyComputed: {
    // a key artlint does not read, computed by code: left out
    translationKey: data => data.translationKey || data.page.fileSlug
  }
};
