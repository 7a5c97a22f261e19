import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

export const BLOG_PATH = 'src/data/blog';

const blog = defineCollection({
  loader: glob({ pattern: '**/*.md', base: `./${BLOG_PATH}` }),
  schema: z.object({ title: z.string(), pubDatetime: z.date() }),
});

// Notes are listed by a page whose routes the site's own code computes.
const notes = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './src/content/notes' }),
});

export const collections = { blog, notes };
