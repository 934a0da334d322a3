import { placeholderHelp, placeholderLabels } from '@/lib/i18n';

/** Values a fix link or a case fills into commands; absent ones fall back to defaults. */
export interface PlaceholderValues {
  host?: string;
  port?: number;
}

/** What a reader sees where no value was given. */
const DEFAULT_HOST = 'server.example.com';
const DEFAULT_PORT = 443;

/** `{{host}}`, `{{port:5432}}`, `{{service:myapp}}`: a name, and optionally the example shown when no value is known. */
const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9-]*)(?::([^}\s]+))?\s*\}\}/g;

/**
 * Every name an article may use: those with a label and an explanation in every language (the
 * lint refuses others, so no customer meets a value nobody explains).
 */
export const PLACEHOLDER_NAMES: readonly string[] = Object.keys(placeholderHelp.zh).filter((name) =>
  [placeholderHelp.en, placeholderLabels.zh, placeholderLabels.en].every((messages) => name in messages),
);

/** One placeholder as the reader sees it: the customer's value, or the example to replace. */
interface PlaceholderPart {
  name: string;
  text: string;
  /** True when the text is the customer's own value, false when it is an example to replace. */
  filled: boolean;
}

function resolve(name: string, fallback: string | undefined, values: PlaceholderValues): PlaceholderPart {
  if (name === 'host' && values.host) return { name, text: values.host, filled: true };
  if (name === 'port' && values.port) return { name, text: String(values.port), filled: true };
  if (name === 'host') return { name, text: fallback ?? DEFAULT_HOST, filled: false };
  if (name === 'port') return { name, text: fallback ?? String(DEFAULT_PORT), filled: false };
  return { name, text: fallback ?? `<${name}>`, filled: false };
}

/**
 * Cuts a command into literal text and placeholders, each resolved to the customer's value or
 * its example, so a page can mark what the reader still has to replace.
 */
export function splitPlaceholders(code: string, values: PlaceholderValues = {}): Array<string | PlaceholderPart> {
  const parts: Array<string | PlaceholderPart> = [];
  let last = 0;
  for (const match of code.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(code.slice(last, match.index));
    parts.push(resolve(match[1], match[2], values));
    last = match.index + match[0].length;
  }
  if (last < code.length) parts.push(code.slice(last));
  return parts;
}

/**
 * Replaces `{{host}}`, `{{port}}`, `{{port:5432}}` and named placeholders such as
 * `{{service:myapp}}` with the customer's values, or with the example (the `:example` one first).
 */
export function fillPlaceholders(code: string, values: PlaceholderValues = {}): string {
  return code.replace(PLACEHOLDER, (_match, name: string, fallback?: string) => resolve(name, fallback, values).text);
}

/** The distinct placeholder names a text uses, in order of first use (unknown names included, for the lint). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** Replaces every placeholder with `mask`, e.g. so search does not find every command under "host". */
export function maskPlaceholders(text: string, mask = '…'): string {
  return text.replace(PLACEHOLDER, mask);
}

/** What a customer view says about its commands: the values filled in, and the examples still to replace. */
export interface PlaceholderSummary {
  filled: Array<{ name: string; text: string }>;
  examples: Array<{ name: string; text: string }>;
}

/** Sums up the placeholders of some commands (a fix's code blocks): each distinct value once, in order of first use. */
export function summarisePlaceholders(codes: readonly string[], values: PlaceholderValues = {}): PlaceholderSummary {
  const summary: PlaceholderSummary = { filled: [], examples: [] };
  const seen = new Set<string>();
  for (const code of codes) {
    for (const part of splitPlaceholders(code, values)) {
      if (typeof part === 'string' || seen.has(`${part.name}\n${part.text}`)) continue;
      seen.add(`${part.name}\n${part.text}`);
      (part.filled ? summary.filled : summary.examples).push({ name: part.name, text: part.text });
    }
  }
  return summary;
}
