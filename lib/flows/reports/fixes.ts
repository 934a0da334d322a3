import type { FixRef, FlowValues, StepMeta } from '@/machines';
import type { Locale } from '@/lib/i18n';
import { flowText } from './text';

/** What a flow shows of a fix it points to, read from the article (in one language) on the server. */
interface FixInfo {
  articleTitle: string;
  fixTitle: string;
  /** One or two sentences on what to do: the fix's `summary`. */
  summary: string;
  /** Written for the customer (`audience="customer"`): only such a fix may be sent to one. */
  forCustomers: boolean;
}

/** Fix info by `slug#fixId`. */
export type FixInfoMap = Record<string, FixInfo>;

/** The key of a fix in a {@link FixInfoMap}. */
function fixKeyOf(fix: FixRef): string {
  return `${fix.slug}#${fix.fixId}`;
}

/** Whether a fix may be sent to a customer: only fixes the article writes for customers. */
export function isCustomerFix(fix: FixRef, fixes: FixInfoMap): boolean {
  return fixes[fixKeyOf(fix)]?.forCustomers === true;
}

/** The name of a fix section: the article's own titles when known, else `slug#fixId`. */
export function fixName(fix: FixRef, fixes: FixInfoMap): string {
  const known = fixes[fixKeyOf(fix)];
  return known ? `${known.fixTitle} (${known.articleTitle})` : fixKeyOf(fix);
}

/** A step's heading with the flow's values filled in; a fix ending is headed by the fix's own title. */
export function stepHeading(meta: StepMeta, lang: Locale, values: FlowValues, fixes: FixInfoMap = {}): string {
  if (meta.kind === 'fix') return fixes[fixKeyOf(meta.fix)]?.fixTitle ?? fixKeyOf(meta.fix);
  return flowText(meta.title, lang, values);
}

/** A step's text under the heading; for a fix ending, the fix's summary. */
export function stepBody(meta: StepMeta, lang: Locale, values: FlowValues, fixes: FixInfoMap = {}): string {
  if (meta.kind === 'fix') return fixes[fixKeyOf(meta.fix)]?.summary ?? '';
  return flowText(meta.body, lang, values);
}
