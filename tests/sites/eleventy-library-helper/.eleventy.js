const { configureMarkdown } = require("./config/markdown");
const configureFilters = require("./config/filters");

module.exports = function (eleventyConfig) {
  configureMarkdown(eleventyConfig);
  configureFilters(eleventyConfig);
  return { dir: { input: "src", output: "_site" } };
};
