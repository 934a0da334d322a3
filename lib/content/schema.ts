import { z } from 'zod';
import { ARTICLE_SLUGS, FLOW_IDS, LAYERS } from './catalog';

const text = z.string().trim().min(1, 'must not be empty');

/** YAML gives a Date for an unquoted ISO date; accept both and keep the string. */
const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date, e.g. 2026-11-22'));

/** The frontmatter every article carries; validated at build time. */
export const frontmatterSchema = z.strictObject({
  title: text,
  summary: text.max(300, 'must be one short sentence (300 characters at most)'),
  layer: z.enum(LAYERS),
  tags: z.array(text).min(1, 'needs at least one tag'),
  symptoms: z.array(text).min(3, 'needs at least 3 symptoms'),
  errors: z.array(text),
  flows: z.array(z.enum(FLOW_IDS)),
  related: z.array(z.enum(ARTICLE_SLUGS)).default([]),
  updated: isoDate,
});

/** Validated frontmatter of one article. */
export type Frontmatter = z.infer<typeof frontmatterSchema>;
