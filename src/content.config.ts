import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** One entry of a chapter's references list; `id` is the anchor (`#ref-<id>`) the prose links to. */
const source = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'source ids are lowercase letters, digits and hyphens'),
  title: z.string().min(1),
  url: z.url(),
  publisher: z.string().optional(),
  year: z.number().int().min(1960).max(2100).optional(),
});

/** Chapters in both languages: `chapters/en/NN-slug.mdx` and `chapters/zh/NN-slug.mdx` share the file name. */
const chapters = defineCollection({
  loader: glob({ pattern: '{en,zh}/*.mdx', base: './src/content/chapters' }),
  schema: z
    .object({
      title: z.string().min(1),
      order: z.number().int().min(1),
      summary: z.string().min(1).max(200),
      sources: z.array(source).default([]),
    })
    .strict(),
});

/** Other long-form pages in both languages (glossary…): `pages/en/NAME.mdx`, `pages/zh/NAME.mdx`. */
const pages = defineCollection({
  loader: glob({ pattern: '{en,zh}/*.mdx', base: './src/content/pages' }),
  schema: z
    .object({
      title: z.string().min(1),
      summary: z.string().min(1).max(200),
      sources: z.array(source).default([]),
    })
    .strict(),
});

export const collections = { chapters, pages };
