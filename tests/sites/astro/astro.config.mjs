// An Astro blog: pages in src/pages, posts in a content collection loaded from src/data/blog
// (src/content.config.ts) and served by src/pages/blog/[...slug].astro at /blog/<id>/.
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

export default defineConfig({
  site: 'https://blog.example.org',
  integrations: [sitemap()],
});
