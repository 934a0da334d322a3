'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { AuthMessages, Locale } from '@/lib/i18n';
import { AuthField } from './auth-field';
import { problemText } from './problem';

/** Where to go after signing in: `?next=` when it is a path on this site, else the home page. */
function destination(lang: Locale): string {
  const next = new URLSearchParams(window.location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : `/${lang}`;
}

/** Email and password, posted to better-auth; the error is announced to screen readers. */
export function SignInForm({ lang, messages: t }: { lang: Locale; messages: AuthMessages }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

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

  return (
    <form onSubmit={submit} className="max-w-sm">
      <AuthField id="sign-in-email" name="email" type="email" label={t.email} autoComplete="username" />
      <AuthField id="sign-in-password" name="password" type="password" label={t.password} autoComplete="current-password" />
      <p role="alert" className="mt-4 min-h-6 text-red-800 dark:text-red-300">
        {problem}
      </p>
      <button type="submit" disabled={busy} className="mt-2 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60">
        {busy ? t.signingIn : t.signIn}
      </button>
    </form>
  );
}
