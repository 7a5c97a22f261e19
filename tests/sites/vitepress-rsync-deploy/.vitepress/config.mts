import { defineConfig } from 'vitepress'

export default defineConfig({ title: 'Notes', cleanUrls: true })
