import 'server-only';

/** What every report is narrowed by: the page's filters and the CSV's `from`/`to`. */
export interface InsightFilters {
  /** First day, inclusive (YYYY-MM-DD, UTC). */
  from: string;
  /** Last day, inclusive (YYYY-MM-DD, UTC). */
  to: string;
  lang?: 'zh' | 'en';
  /** A flow id: narrows flow steps and endings. */
  flow?: string;
  /** A user id: who sent the event, the link, or has the case. */
  agent?: string;
}

/** Days in the default range: the last 30, today included. */
const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

function validDay(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return DATE.test(text) && Number.isFinite(time) && dayOf(time) === text;
}

/** The filters in a query string; with the field at fault (`from`, `to`, `lang`, `flow`, `agent`), the default filters. */
export function parseFilters(params: URLSearchParams, now = Date.now()): { filters: InsightFilters; error?: { field: string; message: string } } {
  const error = (field: string, message: string) => ({ filters: parseFilters(new URLSearchParams(), now).filters, error: { field, message } });
  const to = params.get('to') || dayOf(now);
  if (!validDay(to)) return error('to', 'to must be a date as YYYY-MM-DD');
  const from = params.get('from') || dayOf(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY_MS);
  if (!validDay(from)) return error('from', 'from must be a date as YYYY-MM-DD');
  if (from > to) return error('from', 'from must not be after to');
  const lang = params.get('lang') || undefined;
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') return error('lang', 'lang must be zh or en');
  const flow = params.get('flow') || undefined;
  if (flow !== undefined && !/^[a-z0-9-]{1,60}$/.test(flow)) return error('flow', 'flow must be a flow id');
  const agent = params.get('agent') || undefined;
  if (agent !== undefined && agent.length > 100) return error('agent', 'agent must be a user id');
  return { filters: { from, to, lang, flow, agent } };
}

/** The range as instants: [start, end) with `end` the midnight after the last day. */
export function rangeOf(filters: InsightFilters): { start: Date; end: Date } {
  return { start: new Date(`${filters.from}T00:00:00Z`), end: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) };
}
