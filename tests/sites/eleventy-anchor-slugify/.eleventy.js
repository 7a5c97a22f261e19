const markdown = require("./lib/markdown");

module.exports = function (eleventyConfig) {
  eleventyConfig.setLibrary("md", markdown);
  return { dir: { input: "src" } };
};
