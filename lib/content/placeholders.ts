/** Values a fix link fills into commands; absent ones fall back to defaults. */
export interface PlaceholderValues {
  host?: string;
  port?: number;
}

/** What a reader sees where no value was given. */
const DEFAULT_HOST = 'server.example.com';
const DEFAULT_PORT = 443;

const PLACEHOLDER = /\{\{\s*(host|port)(?::([^}\s]+))?\s*\}\}/g;

/**
 * Replaces `{{host}}`, `{{port}}` and `{{port:5432}}` in a command with the
 * customer's values, or with the defaults (the `:default` one first).
 */
export function fillPlaceholders(code: string, values: PlaceholderValues = {}): string {
  return code.replace(PLACEHOLDER, (_match, name: 'host' | 'port', fallback?: string) => {
    if (name === 'host') return values.host ?? fallback ?? DEFAULT_HOST;
    return String(values.port ?? fallback ?? DEFAULT_PORT);
  });
}

/** Replaces every placeholder with `mask`, e.g. so search does not find every command under "host". */
export function maskPlaceholders(text: string, mask = '…'): string {
  return text.replace(PLACEHOLDER, mask);
}
