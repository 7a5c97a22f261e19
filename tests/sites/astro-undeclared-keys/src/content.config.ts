import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const postDate = z.date().transform((date: Date) => date.toISOString().slice(0, 10));

// zod strips the keys a schema does not declare: `publishDate` never reaches the site's code.
const weeknotes = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './src/content/weeknotes' }),
  schema: z.object({
    title: z.string(),
    "date": postDate,
    tags: z.array(z.string()).optional(),
    draft: z.boolean().default(false),
  }),
});

// This one keeps every key it is given.
const notes = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './src/content/notes' }),
  schema: z.object({
    title: z.string(),
    date: z.coerce.date(),
  }).passthrough(),
});

export const collections = { weeknotes, notes };
