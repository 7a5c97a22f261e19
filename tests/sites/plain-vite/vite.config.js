import { defineConfig } from 'vite';

export default defineConfig({
  // the pictures are served from the site's root: /home/logo.svg
  publicDir: 'src/assets',
});
