import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { HydrationMarker } from '@/components/hydration-marker';
import { customerMessages, isLocale } from '@/lib/i18n';
import '../../../globals.css';

export const metadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
  icons: { icon: '/favicon.svg' },
};

/**
 * The customer's own root layout: no staff header, navigation or search, so nothing on the
 * page leads into internal guidance. `/c/<token>` is rewritten here by proxy.ts with the
 * language (`?lang=`, else the link's) and the status the link calls for.
 */
export default async function CustomerLayout({ children, params }: { children: ReactNode; params: Promise<{ lang: string }> }) {
  const { lang: raw } = await params;
  const lang = isLocale(raw) ? raw : 'zh';
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
