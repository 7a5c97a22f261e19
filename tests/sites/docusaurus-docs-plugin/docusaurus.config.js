// The docs are served at the site's root by a plugin of their own; the preset's docs are off.
const docsPlugin = [
  '@docusaurus/plugin-content-docs',
  ({
    id: 'default',
    path: 'docs',
    routeBasePath: '/',
    sidebarPath: require.resolve('./sidebars.js'),
  }),
];

module.exports = {
  title: 'Chain docs',
  url: 'https://docs.example.org',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  plugins: [docsPlugin],
  presets: [
    [
      'classic',
      ({
        docs: false,
        blog: false,
        theme: { customCss: require.resolve('./src/css/custom.css') },
      }),
    ],
  ],
};
