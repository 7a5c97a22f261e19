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

// The about pages' schema asks for a language only: Astro builds them without a title.
const about = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './src/content/about' }),
  schema: z.object({
    lang: z.enum(['en', 'ja']).optional().default('en'),
  }),
});

// Talks must have a title; a summary may go.
const talks = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './src/content/talks' }),
  schema: ({ image }) => z.object({
    title: z.string(),
    summary: z.string().optional(),
  }),
});

export const collections = { blog, notes, about, talks };
