import { format, type AuthMessages } from '@/lib/i18n';

/**
 * What to tell the person after a failed sign-in or setup request. better-auth answers
 * `{ code, message }`, our own endpoints `{ error: { code, message, field } }`.
 */
export async function problemText(response: Response, t: AuthMessages, labels: Record<string, string> = {}): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { code?: string; error?: { code?: string; message?: string; field?: string } };
  const code = body.error?.code ?? body.code;
  if (response.status === 429) return format(t.tooManyAttempts, { seconds: response.headers.get('x-retry-after') ?? response.headers.get('retry-after') ?? 60 });
  if (response.status === 503) return t.unavailable;
  if (code === 'INVALID_SETUP_CODE') return t.invalidSetupCode;
  if (response.status === 404) return t.setupDone;
  if (code === 'INVALID_INPUT' && body.error?.field) return format(t.invalidField, { field: labels[body.error.field] ?? body.error.field, message: body.error.message ?? '' });
  if (response.status === 401) return t.wrongCredentials;
  return format(t.failed, { status: response.status });
}
