import 'server-only';
import { formatHostPort } from '@/lib/address';
import type { Article, PlaceholderValues } from '@/lib/content';
import { findArticle } from '@/lib/content/server';
import { getDatabase, isUnavailable } from '@/lib/db/server';
import { customerMessages, isLocale, type Locale } from '@/lib/i18n';
import { policyFromEnv } from '@/lib/probes/server';
import type { CaseRecord } from './contract';
import type { CheckPlan, FeedbackOutcome } from './customer-contract';
import { planBrowserChecks } from './customer-check';
import { diagnosticCommands, type DiagnosticCommand } from './customer-commands';
import { latestFeedback } from './customer-store';
import { linkLanguage, resolveCustomerLink } from './links';

/** The customer's latest answer through this link, as the page shows it. */
interface ShownFeedback {
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
  /** Every command on the page (the fix's, then the diagnostic ones), placeholders as written: what was filled in is said from them. */
  codes: string[];
  /** Diagnostic commands per operating system. */
  commands: Array<{ platform: string; commands: DiagnosticCommand[] }>;
  /** `host:port` (or the URL) the check and the commands name; null when the case has none. */
  target: string | null;
  plan: CheckPlan;
  feedback: ShownFeedback | null;
}

/** What a token opens: the page, or why not (the status the response carries). */
type CustomerPage = CustomerView | { state: 'unknown' | 'gone' | 'unavailable'; lang: Locale };

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
  const codes = [...(fix ? [...fix.text.code.map((block) => block.code), ...fix.text.sentences] : []), ...commands.flatMap((os) => os.commands.map((command) => command.code))];
  const feedback = await latestFeedback(db, link);
  return {
    state: 'open',
    lang,
    slug: link.slug,
    fix: fix ? { id: fix.id, title: fix.title } : null,
    values,
    codes,
    commands,
    target: found.target?.url ?? (values.host ? formatHostPort(values.host, values.port) : null),
    plan: planBrowserChecks(found.target, policyFromEnv()),
    feedback: feedback ? { outcome: feedback.payload.outcome as FeedbackOutcome, comment: String(feedback.payload.comment ?? ''), at: feedback.at } : null,
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The whole page of a link that shows no fix (404 unknown, 410 revoked or expired, 503 database
 * down), in `lang`: the proxy answers with it directly, so the status is real. It names no case,
 * and carries no script; its only text is the page's own strings.
 */
export function customerStatusPage(status: 404 | 410 | 503, lang: Locale): string {
  const t = customerMessages[lang];
  const [title, body] = status === 404 ? [t.notFoundTitle, t.notFoundBody] : status === 410 ? [t.goneTitle, t.goneBody] : [t.unavailableTitle, t.unavailableBody];
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)} · Fixpath</title>
<style>body{margin:0;font-family:system-ui,sans-serif;color:#0f172a;background:#fff;line-height:1.5}header,main{max-width:48rem;margin:0 auto;padding:0.75rem 1rem}header{font-weight:600;border-bottom:1px solid #e2e8f0}h1{font-size:1.5rem;margin:2rem 0 0.5rem}@media (prefers-color-scheme:dark){body{color:#f1f5f9;background:#020617}header{border-color:#1e293b}}</style></head>
<body><header>${escapeHtml(t.brand)}</header><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></main></body></html>
`;
}
