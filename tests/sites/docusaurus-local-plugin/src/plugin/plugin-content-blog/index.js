const blogPluginExports = require("@docusaurus/plugin-content-blog");
module.exports = { ...blogPluginExports, default: blogPluginExports.default };
