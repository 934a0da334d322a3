import type { PlaceholderValues } from './placeholders';

/** The customer link to one fix, relative to the site root. */
export function fixLinkPath(lang: string, slug: string, fixId: string, values: PlaceholderValues = {}): string {
  const query = new URLSearchParams({ fix: fixId });
  if (values.host) query.set('host', values.host);
  if (values.port) query.set('port', String(values.port));
  return `/${lang}/fix/${slug}?${query}`;
}
