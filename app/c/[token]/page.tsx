import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { BrowserCheck } from '@/components/customer/browser-check';
import { CustomerFix } from '@/components/customer/customer-fix';
import { DiagnosticCommands } from '@/components/customer/diagnostic-commands';
import { FeedbackForm } from '@/components/customer/feedback-form';
import { LinkMessage } from '@/components/customer/link-message';
import { loadCustomerPage } from '@/lib/cases/server';
import { customerMessages, otherLocale } from '@/lib/i18n';
import { pageLanguage } from './language';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${customerMessages[await pageLanguage()].heading} · Fixpath` };
}

/** `/c/<token>` (after proxy.ts answered unknown and closed links itself): the one fix a customer link sends, and the ways back to the case. */
export default async function CustomerLinkPage({ params }: Props) {
  const { token } = await params;
  const lang = await pageLanguage();
  const t = customerMessages[lang];
  // proxy.ts sets this for a real visit only (not a prefetch or HEAD), and drops a client's own.
  const record = (await headers()).get('x-fixpath-record-open') === '1';
  const view = await loadCustomerPage(token, lang, { record });
  const other = otherLocale(lang);
  return (
    <>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <p className="font-semibold">{t.brand}</p>
          {view.state === 'unknown' ? null : (
            <a href={`?lang=${other}`} hrefLang={other} lang={other} aria-label={t.switchLabel} className="rounded px-2 py-1 underline hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800">
              {t.switchText}
            </a>
          )}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {view.state === 'open' ? (
          <>
            <CustomerFix view={view} t={t} />
            <FeedbackForm token={token} lang={lang} t={t} initial={view.feedback} />
            <DiagnosticCommands token={token} view={view} t={t} />
            <BrowserCheck token={token} lang={lang} t={t} plan={view.plan} target={view.target} />
          </>
        ) : (
          <LinkMessage kind={view.state} t={t} />
        )}
      </main>
      {view.state === 'open' ? <footer className="mx-auto max-w-3xl px-4 py-8 text-sm text-slate-600 dark:text-slate-400">{t.footer}</footer> : null}
    </>
  );
}
