// A docs instance whose route is served by the README.md at the top of its folder.
/** @type {import('@docusaurus/types').Config} */
const config = {
  title: "Index route fixture",
  url: "https://example.org",
  baseUrl: "/",
  presets: [["classic", ({ docs: { path: "docs/guide", routeBasePath: "docs" }, blog: {} })]],
  plugins: [["content-docs", { id: "storage", path: "docs/storage", routeBasePath: "storage" }]],
};

module.exports = config;
