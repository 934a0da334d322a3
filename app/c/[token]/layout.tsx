import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { HydrationMarker } from '@/components/hydration-marker';
import { customerMessages, isLocale } from '@/lib/i18n';
import '../../globals.css';

export const metadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
  icons: { icon: '/favicon.svg' },
};

/**
 * The customer's own root layout: no staff header, navigation or search, so nothing on the
 * page leads into internal guidance. proxy.ts names the page's language (`?lang=`, else the
 * link's) in a request header it alone sets.
 */
export default async function CustomerLayout({ children }: { children: ReactNode }) {
  const requested = (await headers()).get('x-fixpath-lang');
  const lang = isLocale(requested) ? requested : 'zh';
  const t = customerMessages[lang];
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <body className="bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-white focus:p-2 dark:focus:bg-slate-900">
          {t.skipToContent}
        </a>
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
