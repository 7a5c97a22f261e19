// A translation's site kept in a folder of its own name beside the docs it builds.
module.exports = {
  title: "Fixture",
  presets: [["classic", { docs: { path: "../cndocs", routeBasePath: "docs" } }]],
};
