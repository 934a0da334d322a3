'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { format, type AuthMessages, type Locale } from '@/lib/i18n';

type Who = { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; name: string } | { state: 'unknown' };

/**
 * Who is signed in, for the site header: asked of `/api/me` after each page loads or the
 * route changes (signing in and setup navigate), so pages stay static. Signed in: the Cases
 * link, the name and a sign-out button; signed out: a sign-in link.
 */
export function AccountStatus({ lang, messages: t, casesLabel }: { lang: Locale; messages: AuthMessages; casesLabel: string }) {
  const [who, setWho] = useState<Who>({ state: 'loading' });
  const pathname = usePathname();

  useEffect(() => {
    let live = true;
    fetch('/api/me', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { user: { name: string } | null } | null) => {
        if (live) setWho(!body ? { state: 'unknown' } : body.user ? { state: 'signed-in', name: body.user.name } : { state: 'signed-out' });
      })
      .catch(() => live && setWho({ state: 'unknown' }));
    return () => {
      live = false;
    };
  }, [pathname]);

  async function signOut() {
    const response = await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => null);
    if (response?.ok) setWho({ state: 'signed-out' });
  }

  const control = 'rounded px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800';
  if (who.state === 'signed-in') {
    return (
      <span className="flex items-center gap-1 whitespace-nowrap" data-testid="account-status">
        <Link href={`/${lang}/cases`} className={`${control} font-medium text-blue-800 dark:text-blue-300`}>
          {casesLabel}
        </Link>
        <span className="max-w-40 truncate text-sm text-slate-700 dark:text-slate-300">{format(t.signedInAs, { name: who.name })}</span>
        <button type="button" onClick={signOut} className={control}>
          {t.signOut}
        </button>
      </span>
    );
  }
  if (who.state === 'signed-out') {
    return (
      <a href={`/${lang}/sign-in`} className={control} data-testid="account-status">
        {t.signIn}
      </a>
    );
  }
  return null;
}
