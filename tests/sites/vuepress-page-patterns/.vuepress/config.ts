import { defineUserConfig } from "vuepress";

export default defineUserConfig({
  lang: "en-US",
  locales: {
    "/": { lang: "en-US" },
    "/zh/": { lang: "zh-CN" },
  },
  // Master/ is the working copy of the next release; *_internal.md pages are for the team.
  pagePatterns: ["**/*.md", "!**/Master/**/*.md", "!**/*_internal.md", "!.vuepress", "!node_modules"],
});
