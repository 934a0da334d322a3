import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Caller } from '@/lib/auth';
import { pageCaller } from '@/lib/auth/server';
import { isUnavailable } from '@/lib/db/server';
import type { Locale } from '@/lib/i18n';

/**
 * The signed-in person viewing a case page, or a redirect to sign-in that comes back to `next`
 * (proxy.ts redirects optimistically on the cookie alone; this is the check that counts).
 * Every role may work on cases. 'unavailable' when the database does not answer.
 */
export async function signedInCaller(lang: Locale, next: string): Promise<Caller | 'unavailable'> {
  const caller = await pageCaller(await headers());
  if (!caller) redirect(`/${lang}/sign-in?next=${encodeURIComponent(next)}`);
  return caller;
}

/** Runs a read for a page; 'unavailable' when the database does not answer, so the page can say so. */
export async function readOrUnavailable<T>(read: () => Promise<T>): Promise<T | 'unavailable'> {
  try {
    return await read();
  } catch (error) {
    if (isUnavailable(error)) return 'unavailable';
    throw error;
  }
}
