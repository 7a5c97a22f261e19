const docsPlugin = require('@docusaurus/plugin-content-docs');
module.exports = function handbook(context, options) {
  return docsPlugin.default(context, options);
};
