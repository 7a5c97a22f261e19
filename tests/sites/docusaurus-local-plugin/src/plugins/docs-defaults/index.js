module.exports = require('@docusaurus/plugin-content-docs');
