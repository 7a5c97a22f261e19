// Docs served at the site's root, the current docs at /2.x beside the last released version,
// no preset blog, two blogs that are plugin instances with their own folder and route, and a
// docs instance named by its shorthand.
/** @type {import('@docusaurus/types').Config} */
const config = {
  title: "Plugins fixture",
  url: "https://example.org",
  baseUrl: "/",
  presets: [
    [
      "classic",
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          routeBasePath: "/", // the docs are the site
          sidebarPath: require.resolve("./sidebars.js"),
          lastVersion: "1.0",
          versions: { current: { label: "2.x", path: "/2.x" } },
        },
        blog: false,
      }),
    ],
  ],
  plugins: [
    [
      "@docusaurus/plugin-content-blog",
      {
        id: "releases", // a second blog needs its own id
        path: "./changes",
        routeBasePath: "release-notes",
      },
    ],
    ["@docusaurus/plugin-content-blog", { id: "news", path: "news", routeBasePath: "/news/" }],
    // A docs instance named by the shorthand Docusaurus resolves to @docusaurus/plugin-content-docs.
    ["content-docs", { id: "tools", path: "tools", routeBasePath: "tools" }],
  ],
};

module.exports = config;
