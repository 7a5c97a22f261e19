const markdownIt = require("markdown-it");

module.exports = function (eleventyConfig) {
  // Images live beside the styles in the source, and are served at /img.
  eleventyConfig.addPassthroughCopy({ "src/assets/img": "img" });
  eleventyConfig.setLibrary("md", markdownIt({ html: true, linkify: true }));
  return {
    dir: { input: "src", includes: "_includes", output: "_site" },
    markdownTemplateEngine: "liquid",
  };
};
