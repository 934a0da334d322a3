import * as z from 'zod/mini';
import { format, type Locale } from '@/lib/i18n';
import { isFlowId, type FlowContext, type FlowDefinition, type FlowId, type FlowValues, type HandoffMeta } from '@/machines';
import { fromBase64Url, toBase64Url } from '../link/codec';
import { textOf } from '../runtime/form';
import { stateIdOf, stateMetaOf } from '../runtime/state';
import { startReplay } from '../runtime/replay';
import { targetOf } from '../reports/text';

/** A probe result the first flow found, in short: what the next flow shows as carried evidence. */
interface CarriedEvidence {
  type: string;
  target: string;
  code: string;
  summary: string;
}

/**
 * What one flow hands to the next: the flow it came from, the run on the case it was recorded
 * as (so the next run is linked to it), the values the next flow's fields start from (by the
 * kind `host`/`port`/`url` for the target, by name for what the hand-off carries) and the
 * evidence found so far.
 */
export interface Handover {
  from: FlowId;
  fromRun?: string;
  target: { host?: string; port?: string; url?: string };
  values: Record<string, string>;
  evidence: CarriedEvidence[];
}

/** Most evidence entries carried; a hand-off link must stay short. */
const MAX_EVIDENCE = 12;
const text = (max: number) => z.string().check(z.maxLength(max));

const handoverSchema = z.object({
  from: z.string().check(z.refine(isFlowId)),
  fromRun: z.optional(z.string().check(z.regex(/^[0-9a-f-]{36}$/i))),
  target: z.object({ host: z.optional(text(300)), port: z.optional(text(5)), url: z.optional(text(2000)) }),
  values: z.record(text(80), text(4000)),
  evidence: z.array(z.object({ type: text(20), target: text(300), code: text(80), summary: text(300) })).check(z.maxLength(MAX_EVIDENCE)),
});

/** `{name}` slots filled with this flow's values (text values only, each on one line: it goes into a sentence). */
function fill(template: string, values: FlowValues): string {
  const texts = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, textOf(value).replace(/\s+/g, ' ')]));
  return format(template, texts).trim();
}

/**
 * The hand-over a flow that ended at `meta` gives the next flow: its target, the values its
 * `carry` names (written in `lang`), and the results of its probes.
 */
export function buildHandover(from: FlowId, meta: HandoffMeta, context: FlowContext, lang: Locale, fromRun?: string | null): Handover {
  const { host, port, url } = targetOf(context.values);
  const values = Object.fromEntries(Object.entries(meta.carry ?? {}).map(([name, template]) => [name, fill(template[lang], context.values)]));
  const evidence = context.evidence
    .flatMap((entry) => (entry.result ? [{ type: entry.request.type, target: entry.result.target, code: entry.result.code, summary: entry.result.summary.slice(0, 300) }] : []))
    .slice(-MAX_EVIDENCE);
  // A verbatim client address that is a URL is the URL the next flow requests.
  const address = textOf(context.values.address);
  const carriedUrl = url || (/^https?:\/\//i.test(address) ? address : '');
  return {
    from,
    ...(fromRun ? { fromRun } : {}),
    target: { ...(host ? { host } : {}), ...(port ? { port } : {}), ...(carriedUrl ? { url: carriedUrl } : {}) },
    values: Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '')),
    evidence,
  };
}

/** The hand-over as the `h` query parameter's value (base64url JSON: no compression, so it is synchronous). */
export function encodeHandover(handover: Handover): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(handover)));
}

/** The hand-over a URL's `h` parameter carries, or null when there is none or it cannot be read. */
export function readHandover(query: string | URLSearchParams): Handover | null {
  const raw = (typeof query === 'string' ? new URLSearchParams(query) : query).get('h');
  if (!raw) return null;
  try {
    const parsed = handoverSchema.safeParse(JSON.parse(new TextDecoder().decode(fromBase64Url(raw))));
    return parsed.success ? (parsed.data as Handover) : null;
  } catch {
    return null;
  }
}

/**
 * The first form's values from a hand-over (the target by field kind, carried values by field
 * name) and the fields it filled; null when the flow does not start with a form it fills.
 */
export function handoverDraft(flow: FlowDefinition, handover: Handover): { stateId: string; values: FlowValues; fields: string[] } | null {
  const stateId = stateIdOf(startReplay(flow.machine).snapshot);
  const meta = stateMetaOf(flow.machine, stateId);
  if (meta?.kind !== 'form') return null;
  const byKind: Partial<Record<string, string>> = handover.target;
  const entries = meta.fields.flatMap((field) => {
    const value = handover.values[field.name] ?? byKind[field.kind];
    return value ? [[field.name, value] as const] : [];
  });
  if (entries.length === 0) return null;
  return { stateId, values: Object.fromEntries(entries), fields: entries.map(([name]) => name) };
}
