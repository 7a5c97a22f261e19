module.exports = {
  title: "Fixture",
  presets: [
    ["classic", {
      // The docs are kept beside the website's folder, as Docusaurus' classic layout does.
      docs: { path: "../docs", routeBasePath: "docs" },
      blog: { path: "blog" },
    }],
  ],
};
