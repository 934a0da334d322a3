import 'server-only';
import { formatHostPort } from '@/lib/address';
import { splitPlaceholders, type Article, type PlaceholderValues } from '@/lib/content';
import { findArticle } from '@/lib/content/server';
import { getDatabase, isUnavailable } from '@/lib/db/server';
import { isLocale, type Locale } from '@/lib/i18n';
import { policyFromEnv } from '@/lib/probes/server';
import type { CaseRecord } from './contract';
import type { CheckPlan, FeedbackOutcome } from './customer-contract';
import { planBrowserChecks } from './customer-check';
import { diagnosticCommands, type DiagnosticCommand } from './customer-commands';
import { latestFeedback } from './customer-store';
import { linkLanguage, resolveCustomerLink } from './links';

/** The customer's latest answer through this link, as the page shows it. */
export interface ShownFeedback {
  outcome: FeedbackOutcome;
  comment: string;
  at: string;
}

/** Everything the customer page shows for an open link, in one language. */
export interface CustomerView {
  state: 'open';
  lang: Locale;
  slug: string;
  /** Null when the article no longer has the fix (content changed after the link was sent). */
  fix: Pick<Article['fixes'][number], 'id' | 'title'> | null;
  /** The case's values the commands are filled with. */
  values: PlaceholderValues;
  /** The case's values the page's commands use, in order of first use. */
  filled: Array<{ name: string; value: string }>;
  /** Placeholders the page's commands still show an example for, with the first example. */
  remaining: Array<{ name: string; example: string }>;
  /** Diagnostic commands per operating system. */
  commands: Array<{ platform: string; commands: DiagnosticCommand[] }>;
  /** `host:port` (or the URL) the check and the commands name; null when the case has none. */
  target: string | null;
  plan: CheckPlan;
  feedback: ShownFeedback | null;
}

/** What a token opens: the page, or why not (the status the response carries). */
export type CustomerPage = CustomerView | { state: 'unknown' | 'gone' | 'unavailable'; lang: Locale };

/** The host and port a case's commands are filled with: its target, else what its URL names. */
function valuesOf(target: CaseRecord['target']): PlaceholderValues {
  if (!target) return {};
  if (target.host) return { host: target.host, ...(target.port ? { port: target.port } : {}) };
  if (!target.url) return {};
  const url = new URL(target.url);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), ...(url.port ? { port: Number(url.port) } : {}) };
}

/** The language asked for (`?lang=`), else the link's. */
const pick = (requested: string | null | undefined, fallback: Locale): Locale => (isLocale(requested) ? requested : fallback);

/**
 * What `/c/<token>` answers, before the page renders: 200 with the language to render, 404 for
 * an unknown token, 410 for a revoked or expired link (in the link's language), 503 when the
 * database does not answer. Reads only: the page records the opening.
 */
export async function customerLinkStatus(token: string, requested: string | null): Promise<{ status: 200 | 404 | 410 | 503; lang: Locale }> {
  try {
    const resolved = await resolveCustomerLink((await getDatabase()).db, token, new Date(), { record: false });
    if (resolved.ok) return { status: 200, lang: pick(requested, resolved.link.lang) };
    if (resolved.reason === 'unknown') return { status: 404, lang: pick(requested, 'zh') };
    return { status: 410, lang: pick(requested, (await linkLanguage((await getDatabase()).db, token)) ?? 'zh') };
  } catch (error) {
    if (isUnavailable(error)) return { status: 503, lang: pick(requested, 'zh') };
    throw error;
  }
}

/**
 * The page behind a customer's token in `lang`. `record` stamps the first opening (a real
 * visit, not a prefetch or HEAD).
 */
export async function loadCustomerPage(token: string, lang: Locale, { record }: { record: boolean }): Promise<CustomerPage> {
  let db;
  let resolved;
  try {
    db = (await getDatabase()).db;
    resolved = await resolveCustomerLink(db, token, new Date(), { record });
  } catch (error) {
    if (isUnavailable(error)) return { state: 'unavailable', lang };
    throw error;
  }
  if (!resolved.ok) return { state: resolved.reason === 'unknown' ? 'unknown' : 'gone', lang };
  const { link, case: found } = resolved;
  const fix = findArticle(lang, link.slug)?.fixes.find((candidate) => candidate.id === link.fixId) ?? null;
  const values = valuesOf(found.target);
  const commands = diagnosticCommands(found.target?.url ?? null);
  const code = [...(fix ? [...fix.text.code.map((block) => block.code), ...fix.text.sentences] : []), ...commands.flatMap((os) => os.commands.map((command) => command.code))];
  const feedback = await latestFeedback(db, link);
  return {
    state: 'open',
    lang,
    slug: link.slug,
    fix: fix ? { id: fix.id, title: fix.title } : null,
    values,
    ...placeholderUse(code, values),
    commands,
    target: found.target?.url ?? (values.host ? formatHostPort(values.host, values.port) : null),
    plan: planBrowserChecks(found.target, policyFromEnv()),
    feedback: feedback ? { outcome: feedback.payload.outcome as FeedbackOutcome, comment: String(feedback.payload.comment ?? ''), at: feedback.at } : null,
  };
}

/** Which placeholders of `code` the case's values fill and which still show an example, each once, in order of first use. */
function placeholderUse(code: string[], values: PlaceholderValues): Pick<CustomerView, 'filled' | 'remaining'> {
  const filled = new Map<string, string>();
  const remaining = new Map<string, string>();
  for (const part of code.flatMap((text) => splitPlaceholders(text, values))) {
    if (typeof part === 'string') continue;
    if (part.filled && !filled.has(part.name)) filled.set(part.name, part.text);
    if (!part.filled && !remaining.has(part.name)) remaining.set(part.name, part.text);
  }
  return { filled: [...filled].map(([name, value]) => ({ name, value })), remaining: [...remaining].map(([name, example]) => ({ name, example })) };
}
