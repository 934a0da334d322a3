import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SetupForm } from '@/components/auth/setup-form';
import { setupState } from '@/lib/auth/server';
import { authMessages, isLocale } from '@/lib/i18n';

// Whether setup is still open is a question for the database at request time, never at build.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  return isLocale(lang) ? { title: authMessages[lang].setupTitle, robots: { index: false } } : {};
}

/** First run: while nobody can sign in, creates the first admin with the setup code from the server log; 404 afterwards. */
export default async function SetupPage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  const state = await setupState();
  if (state === 'done') notFound();
  const t = authMessages[lang];
  return (
    <div>
      <h1 className="text-2xl font-bold">{t.setupTitle}</h1>
      {state === 'unavailable' ? (
        <p role="alert" className="mt-4 text-red-800 dark:text-red-300">
          {t.unavailable}
        </p>
      ) : (
        <>
          <p className="mt-2 max-w-prose text-slate-700 dark:text-slate-300">{t.setupIntro}</p>
          <SetupForm lang={lang} messages={t} />
        </>
      )}
    </div>
  );
}
