'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { AuthMessages, Locale } from '@/lib/i18n';
import { AuthField } from './auth-field';
import { problemText } from './problem';

/**
 * Where to go after signing in: `?next=` when it is a path on this site, else the home page.
 * `//host` and `/\host` are other sites to a browser, so only a path that resolves to this
 * origin counts.
 */
function destination(lang: Locale): string {
  const next = new URLSearchParams(window.location.search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return `/${lang}`;
  const url = new URL(next, window.location.origin);
  return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : `/${lang}`;
}

/**
 * Email and password, posted to better-auth, and single sign-on when the server offers it;
 * the error is announced to screen readers.
 */
export function SignInForm({ lang, messages: t, singleSignOn }: { lang: Locale; messages: AuthMessages; singleSignOn: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  // Back from the identity provider without a session: better-auth appends ?error=… to our error URL.
  const [problem, setProblem] = useState(useSearchParams().has('error') ? t.singleSignOnFailed : '');

  async function startSingleSignOn() {
    setBusy(true);
    setProblem('');
    const next = destination(lang);
    try {
      const response = await fetch('/api/auth/sign-in/social', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ provider: 'oidc', callbackURL: next, errorCallbackURL: `/${lang}/sign-in?next=${encodeURIComponent(next)}` }),
      });
      const body = (await response.clone().json().catch(() => ({}))) as { url?: string };
      if (response.ok && body.url) {
        window.location.href = body.url;
        return;
      }
      setProblem(await problemText(response, t));
    } catch {
      setProblem(t.unavailable);
    }
    setBusy(false);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem('');
    try {
      const response = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
      });
      if (response.ok) {
        router.push(destination(lang));
        return;
      }
      setProblem(await problemText(response, t));
    } catch {
      setProblem(t.unavailable);
    }
    setBusy(false);
  }

  const button = 'rounded px-4 py-2 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60';
  return (
    <div className="max-w-sm">
      {singleSignOn ? (
        <div className="mt-6">
          <button type="button" onClick={startSingleSignOn} disabled={busy} className={`${button} w-full border border-blue-700 text-blue-800 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-slate-800`}>
            {t.singleSignOn}
          </button>
          <p className="mt-4 text-center text-sm text-slate-600 dark:text-slate-400">{t.or}</p>
        </div>
      ) : null}
      <form onSubmit={submit}>
        <AuthField id="sign-in-email" name="email" type="email" label={t.email} autoComplete="username" />
        <AuthField id="sign-in-password" name="password" type="password" label={t.password} autoComplete="current-password" />
        <p role="alert" className="mt-4 min-h-6 text-red-800 dark:text-red-300">
          {problem}
        </p>
        <button type="submit" disabled={busy} className={`${button} mt-2 bg-blue-700 text-white hover:bg-blue-800`}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </div>
  );
}
