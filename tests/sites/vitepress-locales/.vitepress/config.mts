import { defineConfig } from 'vitepress'

// English at the root, Chinese under zh/, Korean kept on another site.
export default defineConfig({
  title: 'Router',
  locales: {
    root: { label: 'English', lang: 'en-US', link: '/' },
    zh: { label: '简体中文', lang: 'zh-CN', link: '/zh/', themeConfig: { nav: [{ text: '指南', link: '/zh/guide/' }] } },
    ko: { label: '한국어', lang: 'ko-KR', link: 'https://router.example-ko.org/' },
  },
})
