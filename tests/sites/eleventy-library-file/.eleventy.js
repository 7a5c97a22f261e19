module.exports = function (eleventyConfig) {
  eleventyConfig.addPlugin(require('@photogabble/eleventy-plugin-interlinker'), {
    defaultLayout: 'layouts/embed.liquid',
  });
  eleventyConfig.setLibrary('md', require('./lib/markdown'));
  return { dir: { input: '.', output: '_site' } };
};
