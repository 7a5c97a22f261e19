// the theme's script
