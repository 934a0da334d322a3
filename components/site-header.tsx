import Link from 'next/link';
import type { ReactNode } from 'react';
import { authMessages, casePageMessages, otherLocale, siteMessages, type Locale } from '@/lib/i18n';
import { AccountStatus } from './auth/account-status';
import { LanguageSwitch } from './language-switch';

/** The bar on every page: home link, a slot for search, the language switch, and who is signed in. */
export function SiteHeader({ lang, search }: { lang: Locale; search?: ReactNode }) {
  const t = siteMessages[lang];
  return (
    <header className="border-b border-slate-200 print:hidden dark:border-slate-800">
      <nav aria-label={t.mainNav} className="mx-auto flex max-w-5xl items-center gap-4 px-4 py-3">
        <Link href={`/${lang}`} className="font-bold text-blue-800 dark:text-blue-300">
          {t.siteName}
        </Link>
        <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-400">{t.tagline}</span>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-x-2 gap-y-1">
          {search}
          <LanguageSwitch to={otherLocale(lang)} label={t.switchLanguage} ariaLabel={t.switchLanguageLabel} />
          <AccountStatus lang={lang} messages={authMessages[lang]} casesLabel={casePageMessages[lang].navCases} />
        </div>
      </nav>
    </header>
  );
}
