import { LOCALES, type Locale, type Localized } from '@/lib/i18n';
import type { SearchRecord } from '../records';

/** One state of a decision flow with its `meta` (title, body, options… in both languages). */
export interface FlowStep {
  id: string;
  meta?: unknown;
}

/** A decision flow as search sees it: plain data, whatever machine library produced it. */
export interface FlowEntry {
  id: string;
  title: Localized;
  description?: Localized;
  steps: FlowStep[];
}

/** Where the indexer gets flows from (see flow-source.ts for the registered ones). */
export type FlowSource = () => FlowEntry[] | Promise<FlowEntry[]>;

/** Step kinds that only repeat an article's fix; the fix itself is indexed. */
const SKIPPED_STEP_KINDS = new Set(['fix']);

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && LOCALES.every((lang) => typeof (value as Record<string, unknown>)[lang] === 'string');
}

/** A flow text with its `{host}`-style slots shown as `…`, so every step does not match "host". */
function slotless(text: string): string {
  return text.replace(/\{\w+\}/g, '…');
}

/** Every text in `value` in one language, depth first. */
function localizedTexts(value: unknown, lang: Locale, skipKeys: Set<string>): string[] {
  if (isLocalized(value)) return [slotless(value[lang])];
  if (Array.isArray(value)) return value.flatMap((item) => localizedTexts(item, lang, skipKeys));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (skipKeys.has(key) ? [] : localizedTexts(item, lang, skipKeys)));
}

function commandsOf(meta: Record<string, unknown>): string[] {
  const commands = Array.isArray(meta.commands) ? meta.commands : [];
  return commands.map((command) => (command as { command?: unknown }).command).filter((command): command is string => typeof command === 'string');
}

/**
 * The search records of the flows: one per flow (title, description, the
 * titles of its steps) and one per step that asks or checks something. A
 * step's record links to its flow (`anchor` is the state id). `firstPosition`
 * is where the first record will sit in the index.
 */
export function flowRecords(flows: readonly FlowEntry[], firstPosition: number): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const lang of LOCALES) {
    for (const flow of flows) {
      const steps = flow.steps
        .map((step) => ({ id: step.id, meta: (step.meta ?? {}) as Record<string, unknown> }))
        .filter((step) => isLocalized(step.meta.title) && !SKIPPED_STEP_KINDS.has(String(step.meta.kind)));
      const flowPosition = firstPosition + records.length;
      records.push({
        kind: 'flow',
        lang,
        slug: flow.id,
        title: slotless(flow.title[lang]),
        ...(flow.description ? { summary: slotless(flow.description[lang]) } : {}),
        headings: steps.map((step) => slotless((step.meta.title as Localized)[lang])),
      });
      for (const step of steps) {
        const text = localizedTexts(step.meta, lang, new Set(['title'])).join('\n');
        const commands = commandsOf(step.meta);
        records.push({
          kind: 'step',
          lang,
          slug: flow.id,
          anchor: step.id,
          title: slotless((step.meta.title as Localized)[lang]),
          context: slotless(flow.title[lang]),
          parent: flowPosition,
          ...(text ? { text } : {}),
          ...(commands.length ? { commands } : {}),
        });
      }
    }
  }
  return records;
}
