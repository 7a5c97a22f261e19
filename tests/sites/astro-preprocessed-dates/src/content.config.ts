import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const posts = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './src/content/posts' }),
  schema: z.object({
    title: z.string(),
    date: z.coerce.date(),
    updated: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.date().optional()),
  }),
});

export const collections = { posts };
