import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n';

/**
 * `<html>` and `<body>` of a root layout (the staff site's and the customer page's): the
 * document language, the page colours, and the skip link to `#main` that comes first.
 */
export function DocumentFrame({ lang, skipLabel, children }: { lang: Locale; skipLabel: string; children: ReactNode }) {
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <body className="bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-white focus:p-2 dark:focus:bg-slate-900">
          {skipLabel}
        </a>
        {children}
      </body>
    </html>
  );
}
