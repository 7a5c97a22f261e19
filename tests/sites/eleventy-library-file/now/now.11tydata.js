module.exports = {
  layout: "layouts/now.njk",
  eleventyComputed: {
    title: (data) => `/now ${data.page.date.getFullYear()} update`,
  },
};
