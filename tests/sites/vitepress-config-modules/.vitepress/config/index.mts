import { defineConfig } from "vitepress";
import shared from "./shared.mts";
import en from "./en";
import ja from "./ja.mts";
// A component of the theme is no configuration: its text is not read.
import Layout from "../theme/Layout.mts";

// The settings live in the modules beside this file; VitePress merges them in.
export default defineConfig({
  ...shared(),
  locales: {
    root: { label: "English", lang: "en", ...en() },
    ja: { label: "日本語", lang: "ja", ...ja() },
  },
});
