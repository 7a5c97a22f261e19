const yaml = require('js-yaml');
const { getBlogSlug } = require('./source/helpers/pages.js');

module.exports = function (eleventyConfig) {
  eleventyConfig.addDataExtension('yml', (contents) => yaml.load(contents));
  eleventyConfig.addFilter('getBlogSlug', getBlogSlug);
  return { dir: { input: 'source', includes: '_includes', output: '_site' } };
};
