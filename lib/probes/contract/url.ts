import { parseAddress } from '@/lib/address';

/** Longest URL accepted. */
const MAX_URL_LENGTH = 2048;

/** Where an http(s) URL connects: its canonical host and port (the scheme's default when none is written). */
export function urlTarget(url: URL): { host: string; port: number } | { problem: string } {
  // WHATWG URL has already split off credentials, path and query; the host and port are read like any other address.
  const read = parseAddress(`${url.protocol}//${url.host}`);
  if (!read.ok) return { problem: read.message };
  const { host, port } = read.address;
  return { host, port: port ?? (url.protocol === 'https:' ? 443 : 80) };
}

/**
 * Reads the http probe's `url`: an absolute http or https URL without
 * credentials, whose host is a valid address. The fragment is dropped (it
 * never reaches a server). The problem completes "url …".
 */
export function readUrl(value: string): URL | { problem: string } {
  if (value.length > MAX_URL_LENGTH) return { problem: `is longer than ${MAX_URL_LENGTH} characters` };
  if (/[\u0000-\u0020\u007f]/.test(value)) return { problem: 'contains spaces or control characters' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'is not a valid absolute URL (e.g. https://example.com/health)' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `must use http or https, not ${url.protocol.replace(/:$/, '')}` };
  if (url.username || url.password) return { problem: 'must not contain credentials (user:password@)' };
  const target = urlTarget(url);
  if ('problem' in target) return { problem: target.problem };
  url.hash = '';
  return url;
}
