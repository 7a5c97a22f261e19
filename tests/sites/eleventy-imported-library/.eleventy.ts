import type { UserConfig } from '@11ty/eleventy';
import { markdown } from './lib/plugins/markdown.ts';

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.setLibrary('md', markdown);
  return { dir: { input: 'src', output: '_site' } };
}
