// The docs are written in Chinese, the default locale, which the list names second; the
// English translation lives in i18n/en/.
module.exports = {
  title: "Fixture",
  i18n: { defaultLocale: "zh-cn", locales: ["en", "zh-cn"] },
};
