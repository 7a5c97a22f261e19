import type { UserConfig } from "vitepress";

export default (): UserConfig => ({
  srcDir: "src",
  title: "Reading the compiler",
});
