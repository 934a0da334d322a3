'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { AuthMessages, Locale } from '@/lib/i18n';
import { AuthField } from './auth-field';
import { problemText } from './problem';

/** The first-run form: setup code and the first admin; on success the admin is signed in. */
export function SetupForm({ lang, messages: t }: { lang: Locale; messages: AuthMessages }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem('');
    try {
      const response = await fetch('/api/setup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: form.get('code'), name: form.get('name'), email: form.get('email'), password: form.get('password') }),
      });
      if (response.ok) {
        router.push(`/${lang}`);
        return;
      }
      setProblem(await problemText(response, t, { code: t.setupCode, name: t.name, email: t.email, password: t.password }));
    } catch {
      setProblem(t.unavailable);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={submit} className="max-w-sm">
      <AuthField id="setup-code" name="code" label={t.setupCode} hint={t.setupCodeHint} autoComplete="off" spellCheck={false} autoCapitalize="characters" />
      <AuthField id="setup-name" name="name" label={t.name} autoComplete="name" />
      <AuthField id="setup-email" name="email" type="email" label={t.email} autoComplete="username" />
      <AuthField id="setup-password" name="password" type="password" label={t.password} hint={t.passwordHint} autoComplete="new-password" minLength={8} />
      <p role="alert" className="mt-4 min-h-6 text-red-800 dark:text-red-300">
        {problem}
      </p>
      <button type="submit" disabled={busy} className="mt-2 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60">
        {busy ? t.creating : t.createAdmin}
      </button>
    </form>
  );
}
