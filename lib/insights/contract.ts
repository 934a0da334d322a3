import * as z from 'zod/mini';

/** Most events one `POST /api/insights/events` may carry. */
export const MAX_BATCH = 50;
/** Longest search query kept (a pasted log is cut here). */
export const MAX_QUERY = 200;
/** Top results of a search kept, by id. */
export const MAX_SHOWN = 10;

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const id = z.string().check(z.regex(/^[A-Za-z0-9_.:#/-]{1,120}$/));
const lang = z.enum(['zh', 'en']);
/** An ISO time; the server clamps it to the last day, so a wrong clock cannot fake old or future data. */
const at = z.iso.datetime({ offset: true });
const caseId = z.optional(z.nullable(z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i))));

/**
 * One thing staff did, as the browser reports it. `search`: what was typed, the top results
 * shown (by URL), how many there were, and the rank chosen (1-based) or null. `step`: a flow
 * step entered at `enteredAt` and left at `at`, with how it was left (answer, form action,
 * probe code, `back`) or null when the page was left there. `ending`: a final state reached,
 * with its kind and, for a fix, the fix. `view`: an article read.
 */
const insightEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('search'),
    at,
    lang,
    query: text(MAX_QUERY),
    shown: z.array(text(300)).check(z.maxLength(MAX_SHOWN)),
    resultCount: z.int().check(z.minimum(0), z.maximum(10_000)),
    clickedRank: z.nullable(z.int().check(z.minimum(1), z.maximum(10_000))),
  }),
  z.strictObject({
    type: z.literal('step'),
    at,
    enteredAt: at,
    lang,
    flowId: id,
    stateId: id,
    outcome: z.nullable(id),
    caseId,
  }),
  z.strictObject({
    type: z.literal('ending'),
    at,
    lang,
    flowId: id,
    stateId: id,
    endingKind: z.enum(['fix', 'handoff', 'report', 'end']),
    slug: z.optional(id),
    fixId: z.optional(id),
    caseId,
  }),
  z.strictObject({ type: z.literal('view'), at, lang, slug: id }),
]);

/** One event of the contract. */
export type InsightEvent = z.infer<typeof insightEventSchema>;

/** The body of `POST /api/insights/events`: one to MAX_BATCH events. */
export const insightBatchSchema = z.strictObject({
  events: z.array(insightEventSchema).check(z.minLength(1), z.maxLength(MAX_BATCH)),
});
