const markdownIt = require("markdown-it");

module.exports = function (eleventyConfig) {
  // Images live beside the styles in the source, and are served at /img.
  eleventyConfig.addPassthroughCopy({ "src/assets/img": "img" });
  // An image's title is shown under it as its caption.
  const md = markdownIt({ html: true, linkify: true }).use(require("markdown-it-image-figures"), { figcaption: true });
  eleventyConfig.setLibrary("md", md);
  return {
    dir: { input: "src", includes: "_includes", output: "_site" },
    markdownTemplateEngine: "liquid",
  };
};
