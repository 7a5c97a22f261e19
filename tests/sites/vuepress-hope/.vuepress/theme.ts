import { hopeTheme } from "vuepress-theme-hope";

// `gfm: true` makes the theme's markdown-it linkify bare URLs (and keep line breaks).
export default hopeTheme({
  hostname: "https://guide.example.org",
  markdown: {
    align: true,
    gfm: true,
  },
});
