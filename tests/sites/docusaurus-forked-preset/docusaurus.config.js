// A company's fork of the classic preset, published under its own scope: its docs options are
// the classic preset's (docs at the site's root), and the docs folder's README.md is a note for
// contributors that the docs plugin leaves out (`exclude`).
module.exports = {
  title: 'Harbour docs',
  url: 'https://docs.example.org',
  baseUrl: '/',
  presets: [
    [
      '@harbour-docs/preset-classic',
      ({
        docs: {
          routeBasePath: '/',
          exclude: ['README.md'],
        },
        blog: false,
      }),
    ],
  ],
};
