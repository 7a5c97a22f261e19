// Two locales, the second spelled with capitals as Docusaurus allows (its folder is i18n/zh-Hans),
// and docs kept for an older version beside the current ones, in both languages.
module.exports = { title: "Fixture", i18n: { defaultLocale: "en", locales: ["en", "zh-Hans"] } };
