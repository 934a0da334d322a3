import { z } from 'zod';
import { LOCALES } from '@/lib/i18n';
import { RECORD_KINDS, SEARCH_INDEX_VERSION, type SearchIndex, type SearchRecord } from '../records';

const texts = z.array(z.string()).optional();

const searchRecordSchema = z.strictObject({
  kind: z.enum(RECORD_KINDS),
  lang: z.enum(LOCALES),
  slug: z.string().min(1),
  anchor: z.string().min(1).optional(),
  title: z.string().min(1),
  context: z.string().optional(),
  parent: z.number().int().nonnegative().optional(),
  summary: z.string().optional(),
  symptoms: texts,
  errors: texts,
  headings: texts,
  tags: texts,
  text: z.string().optional(),
  commands: texts,
}) satisfies z.ZodType<SearchRecord>;

const searchIndexSchema = z
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
  }) satisfies z.ZodType<SearchIndex>;

/** Validates a loaded index file; the message names the record and field that is wrong. */
export function parseSearchIndex(data: unknown, source = 'search index'): SearchIndex {
  const parsed = searchIndexSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${source}: ${issue.path.join('.') || 'file'}: ${issue.message} (rebuild it with \`npm run -s build:search\`)`);
}
