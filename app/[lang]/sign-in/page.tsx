import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { singleSignOnEnabled } from '@/lib/auth/server';
import { authMessages, isLocale } from '@/lib/i18n';

// Whether single sign-on is offered is the running server's setting (OIDC_*), not the build's.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  return isLocale(lang) ? { title: authMessages[lang].signInTitle, robots: { index: false } } : {};
}

/** Sign-in with email and password, and single sign-on when configured; the form talks to /api/auth. */
export default async function SignInPage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  const t = authMessages[lang];
  return (
    <div>
      <h1 className="text-2xl font-bold">{t.signInTitle}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{t.signInIntro}</p>
      <SignInForm lang={lang} messages={t} singleSignOn={singleSignOnEnabled()} />
    </div>
  );
}
