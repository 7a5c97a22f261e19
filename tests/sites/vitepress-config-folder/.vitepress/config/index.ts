import { defineConfig } from 'vitepress'
import { zh } from './zh'

// VitePress reads .vitepress/config/index.ts when there is no .vitepress/config.ts.
export default defineConfig({
  title: 'Example docs',
  locales: { root: { label: 'English', lang: 'en' }, zh },
})
