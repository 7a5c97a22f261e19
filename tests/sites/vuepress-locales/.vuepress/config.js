module.exports = {
  title: 'Fixture admin',
  locales: {
    '/': { lang: 'en-US', description: 'An admin template' },
    '/es/': { lang: 'es-ES', description: 'Una plantilla de administración' },
    '/zh/': { lang: 'zh-CN', description: '管理模板' },
  },
};
