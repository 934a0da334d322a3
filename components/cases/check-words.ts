import { isSilentDrop, type BrowserCheck } from '@/lib/cases';
import { format, type CasePageMessages } from '@/lib/i18n';

/** A duration in words: "40 ms", "1.2 s", "21 s", "3 min" ("40 毫秒", "21 秒"). */
export function durationText(ms: number, t: CasePageMessages): string {
  const size = Math.abs(ms);
  if (size < 1000) return format(t.durationMs, { n: Math.round(size) });
  if (size < 10_000) return format(t.durationS, { n: (size / 1000).toFixed(1) });
  if (size < 120_000) return format(t.durationS, { n: Math.round(size / 1000) });
  return format(t.durationMin, { n: Math.round(size / 60_000) });
}

/** A clock offset with its sign: "+1.2 s" (the customer's clock is ahead), "−3 min" (behind). */
export function offsetText(ms: number, t: CasePageMessages): string {
  return `${ms < 0 ? '−' : '+'}${durationText(ms, t)}`;
}

const SKIP_REASONS: Record<string, keyof CasePageMessages | undefined> = { 'mixed-content': 'skipMixedContent', 'private-address': 'skipPrivateAddress', 'no-target': 'skipNoTarget', declined: 'skipDeclined' };

/**
 * One browser check in words, telling a fast refusal from a silent drop by the time to
 * failure: "HTTPS failed after 21 s: something drops it silently" against "HTTPS refused in 40 ms".
 */
export function checkText(check: BrowserCheck, t: CasePageMessages): string {
  const kind = String(check.kind ?? '?').toUpperCase();
  const elapsed = typeof check.elapsedMs === 'number' ? durationText(check.elapsedMs, t) : null;
  switch (check.outcome) {
    case 'reached':
      return elapsed ? format(t.checkReached, { kind, elapsed }) : kind;
    case 'timeout':
      return format(t.checkTimeout, { kind, elapsed: elapsed ?? '?' });
    case 'failed':
      if (!elapsed) return format(t.checkFailed, { kind });
      return format(isSilentDrop(check) ? t.checkFailedSlow : t.checkFailedFast, { kind, elapsed });
    default: {
      const reason = SKIP_REASONS[String(check.reason)];
      return format(t.checkSkipped, { kind, reason: reason ? t[reason] : String(check.reason ?? t.unknownValue) });
    }
  }
}
