import { format, type CustomerMessages } from '@/lib/i18n';

/** What a call to one of the link's endpoints gave: the JSON body, or the sentence to show. */
export type Sent<T> = { ok: true; body: T } | { ok: false; message: string };

/**
 * POSTs JSON to `/api/c/<token>/<endpoint>` and words any refusal for the customer: too many
 * requests (with the wait), a link that closed meanwhile, a network failure, or the server's
 * own message. Same origin, so the browser sends the Origin the endpoint checks.
 */
export async function sendToLink<T>(token: string, endpoint: string, body: unknown, t: CustomerMessages): Promise<Sent<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/c/${encodeURIComponent(token)}/${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, message: t.errorNetwork };
  }
  if (response.ok) return { ok: true, body: (await response.json()) as T };
  if (response.status === 429) return { ok: false, message: format(t.errorRateLimited, { seconds: response.headers.get('retry-after') ?? '60' }) };
  if (response.status === 410 || response.status === 404) return { ok: false, message: t.errorGone };
  const error = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { ok: false, message: format(t.errorOther, { status: response.status, message: error?.error?.message ?? response.statusText }) };
}

/** A time as the customer reads it: their own clock and time zone, in the page's language. */
export function localTime(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
