import 'server-only';
/** How many requests one client may make per window. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** The limit when PROBE_RATE_LIMIT is unset. */
const DEFAULT_RATE_LIMIT = '30/60s';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses `N/<duration>` (e.g. `30/60s`, `100/5m`, `10/1h`; a bare number
 * means seconds), or `off` (returns null). Unset or empty means DEFAULT_RATE_LIMIT.
 * Throws with the variable's value when it cannot be read: a typo must not
 * silently disable the limit.
 */
export function parseRateLimit(value: string | undefined): RateLimitRule | null {
  const text = (value?.trim() || DEFAULT_RATE_LIMIT).toLowerCase();
  if (text === 'off') return null;
  const match = text.match(/^(\d+)\s*\/\s*(\d+)?\s*(ms|s|m|h)?$/);
  const limit = match ? Number(match[1]) : NaN;
  const windowMs = match ? Number(match[2] ?? 1) * UNIT_MS[match[3] ?? 's'] : NaN;
  if (!(limit >= 1) || !(windowMs >= 1)) {
    throw new Error(`PROBE_RATE_LIMIT "${value}" is not a limit like 30/60s, 100/5m or off`);
  }
  return { limit, windowMs };
}
