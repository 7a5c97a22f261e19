// One locale: the French translations under i18n/fr are not built.
module.exports = { title: "Fixture", i18n: { defaultLocale: "en", locales: ["en"] } };
