module.exports = { title: "Docusaurus 2", i18n: { defaultLocale: "en", locales: ["en"] } };
