module.exports = {
  title: 'Fixture notes',
  theme: 'vdoing', // the theme's scaffold writes `tags:` with one empty item
};
