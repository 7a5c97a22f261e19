import { defineConfig } from 'vitepress'

// The pages live in src/; VitePress serves src/public/ at the site's root.
export default defineConfig({
  title: 'Example docs',
  srcDir: './src',
  locales: {
    root: { label: 'English', lang: 'en' },
    zh: { label: '简体中文', lang: 'zh-CN' },
  },
})
