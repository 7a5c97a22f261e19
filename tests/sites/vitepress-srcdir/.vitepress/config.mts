import { defineConfig } from 'vitepress'
import llmstxt from 'vitepress-plugin-llms'

// The pages live in src/; VitePress serves src/public/ at the site's root.
export default defineConfig({
  title: 'Example docs',
  // writes /llms.txt and /llms-full.txt at build time
  vite: { plugins: [llmstxt()] },
  srcDir: './src',
  // pages kept in the repository that the build leaves out
  srcExclude: ['**/drafts/**', 'guide/old-*.md'],
  locales: {
    root: { label: 'English', lang: 'en' },
    zh: { label: '简体中文', lang: 'zh-CN' },
  },
})
