import { defineConfig } from "astro/config";

// Every post gets its layout and, when it has none, a date from its number.
function defaultLayoutPlugin() {
  return function (tree, file) {
    const { frontmatter } = file.data.astro;
    frontmatter.layout = "@layouts/post.astro";
    if (!frontmatter.date) {
      frontmatter.date = "2022-10-10";
    }
  };
}

export default defineConfig({
  markdown: { remarkPlugins: [defaultLayoutPlugin] },
});
