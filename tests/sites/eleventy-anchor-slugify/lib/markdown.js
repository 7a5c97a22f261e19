const markdownIt = require("markdown-it");
const markdownItAnchor = require("markdown-it-anchor");

// Headings get ids from the site's own slug: lower case, ASCII letters only.
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9 ]/g, "").trim().replace(/ +/g, "-");

module.exports = markdownIt({ html: true }).use(markdownItAnchor, { slugify: slug });
