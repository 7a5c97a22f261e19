module.exports = function (eleventyConfig) {
  return {
    dir: {
      input: "website",
      includes: "_includes",
      layouts: "_layouts",
    },
  };
};
