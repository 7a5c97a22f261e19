const headingIds = require("./src/transforms/heading-ids.js");

module.exports = function (config) {
  config.addTransform("heading-ids", headingIds);
  return { dir: { input: "src" } };
};
