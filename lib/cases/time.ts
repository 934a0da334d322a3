import type { Locale } from '@/lib/i18n';

/** The BCP 47 tag Intl formats a locale's times with. */
const INTL_LOCALE: Record<Locale, string> = { zh: 'zh-CN', en: 'en-GB' };

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
  ['month', 30 * 24 * 60 * 60],
  ['year', 365 * 24 * 60 * 60],
];

/**
 * How long ago (or from now) `iso` is, seen at `now` (ms): "just now" under a minute, then
 * "5 minutes ago", "3 hours ago", "2 days ago"… in the page's language ("5分钟前").
 */
export function relativeTime(iso: string, now: number, lang: Locale): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const format = new Intl.RelativeTimeFormat(INTL_LOCALE[lang], { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return format.format(0, 'second');
  let [unit, size] = STEPS[0];
  for (const [next, nextSize] of STEPS) {
    if (Math.abs(seconds) < nextSize) break;
    [unit, size] = [next, nextSize];
  }
  return format.format(Math.trunc(seconds / size), unit);
}

/** The calendar day of an instant in a time zone, for "is it today". */
function dayOf(time: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(time);
}

/**
 * A short time for the timeline in the viewer's zone: "14:03" today, "28 Nov 14:03" on another
 * day this year, "28 Nov 2025 14:03" before that. `timeZone` undefined is the runtime's own.
 */
export function shortTime(iso: string, now: number, lang: Locale, timeZone?: string): string {
  const time = Date.parse(iso);
  const sameDay = dayOf(time, timeZone) === dayOf(now, timeZone);
  const sameYear = dayOf(time, timeZone).slice(0, 4) === dayOf(now, timeZone).slice(0, 4);
  const options: Intl.DateTimeFormatOptions = { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (!sameDay) Object.assign(options, { month: 'short', day: 'numeric' }, sameYear ? {} : { year: 'numeric' });
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], options).format(time);
}

/** The full date and time with the zone's name, for a tooltip: "29 Nov 2026, 14:03 GMT+8". */
export function fullTime(iso: string, lang: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(Date.parse(iso)) + ` ${zoneName(iso, lang, timeZone)}`;
}

function zoneName(iso: string, lang: Locale, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat(INTL_LOCALE[lang], { timeZone, timeZoneName: 'short' }).formatToParts(Date.parse(iso));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}
