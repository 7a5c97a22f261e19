// linkify: true here would say nothing of the markdown library.
module.exports = function (eleventyConfig) {
  eleventyConfig.addFilter("year", (date) => date.getFullYear());
};
