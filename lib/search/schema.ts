import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { RECORD_KINDS, SEARCH_INDEX_VERSION } from './kinds';

const texts = z.array(z.string()).optional();

/**
 * One searchable thing in one language. `slug` is the article slug or the
 * flow id; `anchor` the fix id or the flow's state id. `parent` is the
 * position of the article (for a fix) or the flow (for a step) in the same
 * index, whose symptoms and errors a fix also answers to.
 */
export const searchRecordSchema = z.strictObject({
  kind: z.enum(RECORD_KINDS),
  lang: z.enum(LOCALES),
  slug: z.string().min(1),
  anchor: z.string().min(1).optional(),
  title: z.string().min(1),
  /** The article or flow a fix or step belongs to, by title. */
  context: z.string().optional(),
  parent: z.number().int().nonnegative().optional(),
  summary: z.string().optional(),
  symptoms: texts,
  errors: texts,
  headings: texts,
  tags: texts,
  text: z.string().optional(),
  commands: texts,
});

/** One searchable thing in one language. */
export type SearchRecord = z.infer<typeof searchRecordSchema>;

/** The file `scripts/build-search-index.ts` writes and the palette and CLI load. */
export const searchIndexSchema = z
  .strictObject({
    version: z.literal(SEARCH_INDEX_VERSION),
    records: z.array(searchRecordSchema),
  })
  .superRefine((index, context) => {
    index.records.forEach((record, position) => {
      if (record.parent !== undefined && !index.records[record.parent]) {
        context.addIssue({ code: 'custom', path: ['records', position, 'parent'], message: `points at record ${record.parent}, which does not exist` });
      }
    });
  });

/** The search index file, validated. */
export type SearchIndex = z.infer<typeof searchIndexSchema>;

/** Validates a loaded index file; the message names the record and field that is wrong. */
export function parseSearchIndex(data: unknown, source = 'search index'): SearchIndex {
  const parsed = searchIndexSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${source}: ${issue.path.join('.') || 'file'}: ${issue.message} (rebuild it with \`npx tsx scripts/build-search-index.ts\`)`);
}
