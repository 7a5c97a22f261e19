module.exports.getBlogSlug = (page) => page.fileSlug.replace(/^(\d*-)/, '');
