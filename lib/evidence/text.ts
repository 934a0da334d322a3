import type { EvidenceCode } from './codes';
import type { Finding } from './types';

/** A finding with its code checked against the probe codes at compile time. */
export function finding(code: EvidenceCode, summary: string, details: Record<string, unknown> = {}): Finding {
  const kept = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined && value !== ''));
  return { code, summary, details: kept };
}

// ANSI colours, other C0 controls (except tab and newline) and the byte-order mark never carry meaning here.
const NOISE = /\u001b\[[0-9;?]*[A-Za-z]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/g;

/** Pasted text made comparable: one newline style, no terminal escapes or stray control bytes. */
export function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOISE, '');
}

/** The first capture group of `pattern` in `text`, trimmed, or undefined. */
export function capture(text: string, pattern: RegExp): string | undefined {
  const found = pattern.exec(text);
  return found?.[1]?.trim();
}

/** Every first capture group of the global `pattern` in `text`, trimmed, in order. */
export function captureAll(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => (match[1] ?? '').trim()).filter(Boolean);
}

/** A number from text that may use a decimal comma, or undefined. */
export function toNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Unique values, first occurrence order. */
export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** IPv4 and IPv6 literals as they appear in tool output (IPv6 with an optional zone). */
export const IP = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?:%\w+)?)`;

/** The finding for text the parser cannot read, or a known tool whose output shows no result it knows. */
export function unrecognised(tool?: string): Finding {
  return tool
    ? finding('UNRECOGNISED', `This looks like ${tool} output, but it shows no result the parser knows.`, { tool })
    : finding('UNRECOGNISED', 'The text is not output of a command the parser knows.');
}
