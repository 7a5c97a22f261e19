// The preset's blog is off; the site wraps the official blog plugin in a plugin of its own,
// which passes its options on: the posts are served at /writing.
module.exports = {
  title: "A wrapped blog",
  presets: [["classic", { docs: false, blog: false }]],
  plugins: [
    [
      "./src/plugin/plugin-content-blog",
      { path: "posts", routeBasePath: "writing", showReadingTime: true },
    ],
    // A wrapper named as the site likes: its file requires the docs plugin.
    ["./src/plugins/handbook-plugin.js", { id: "handbook", path: "handbook", routeBasePath: "handbook" }],
    // Named alone, without options: the wrapped plugin's defaults (docs/ at /docs).
    "./src/plugins/docs-defaults",
  ],
};
