// The host's redirect rules are kept beside the pages and copied to the output's root.
export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy("src/_redirects");
  return { dir: { input: "src", output: "_site" } };
}
