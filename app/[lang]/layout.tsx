import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SearchPalette } from '@/components/search/search-palette';
import { HydrationMarker } from '@/components/hydration-marker';
import { SiteHeader } from '@/components/site-header';
import { isLocale, LOCALES, searchMessages, siteMessages } from '@/lib/i18n';
import '../globals.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return LOCALES.map((lang) => ({ lang }));
}

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  if (!isLocale(lang)) return {};
  return {
    title: { default: siteMessages[lang].siteName, template: `%s · ${siteMessages[lang].siteName}` },
    description: siteMessages[lang].tagline,
    icons: { icon: '/favicon.svg' },
  };
}

export default async function LanguageLayout({ children, params }: { children: ReactNode; params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  const t = siteMessages[lang];
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <body className="bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-white focus:p-2 dark:focus:bg-slate-900">
          {t.skipToContent}
        </a>
        <SiteHeader lang={lang} search={<SearchPalette lang={lang} messages={searchMessages[lang]} />} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <HydrationMarker />
        <footer className="mx-auto max-w-5xl px-4 py-8 text-sm text-slate-600 print:hidden dark:text-slate-400">{t.footer}</footer>
      </body>
    </html>
  );
}
