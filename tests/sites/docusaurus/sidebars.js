// The sidebar is code the site runs; artlint reads its object literals as data.
module.exports = {
  docs: [
    "install",
    {
      type: "category",
      label: "Developer Guide",
      link: { type: "generated-index" },
      items: [
        {
          type: "category",
          link: { type: "generated-index", slug: "/sdk-overview" },
          label: "SDKs",
          items: [],
        },
      ],
    },
    { type: "category", label: "Plain group", items: [] },
  ],
};
