import type { Finding } from '../types';
import { finding } from '../text';

/** The HTTP_* finding for a status code, as the http probe classifies it. */
export function httpFinding(status: number, server: string, extra: Record<string, unknown> = {}): Finding {
  const details = { status, ...extra };
  if (status >= 500) return finding('HTTP_SERVER_ERROR', `${server} answered HTTP ${status}: the server or something behind it failed.`, details);
  if (status >= 400) return finding('HTTP_CLIENT_ERROR', `${server} answered HTTP ${status}: it refused or did not find the request.`, details);
  if (status >= 300) return finding('HTTP_REDIRECT', `${server} answered HTTP ${status}, a redirect.`, details);
  return finding('HTTP_OK', `${server} answered HTTP ${status}.`, details);
}
