// The markdown library is a member of a module of plugins, which imports it from a file of its own.
import plugins from './src/_config/plugins.js';

export default function (eleventyConfig) {
  eleventyConfig.setLibrary('md', plugins.markdownLib);
  return { dir: { input: 'src', output: 'dist' } };
}
