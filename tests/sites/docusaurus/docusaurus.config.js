module.exports = { title: "Fixture", i18n: { defaultLocale: "en", locales: ["en"] } };
