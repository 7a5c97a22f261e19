// Each language's posts get their URLs from a JavaScript data file that exports an object literal.
export default function (eleventyConfig) {
  return { dir: { input: 'src', output: 'dist' } };
}
