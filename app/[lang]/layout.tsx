import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SearchPalette } from '@/components/search/search-palette';
import { DocumentFrame } from '@/components/document-frame';
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
    <DocumentFrame lang={lang} skipLabel={t.skipToContent}>
      <SiteHeader lang={lang} search={<SearchPalette lang={lang} messages={searchMessages[lang]} />} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <HydrationMarker />
      <footer className="mx-auto max-w-5xl px-4 py-8 text-sm text-slate-600 print:hidden dark:text-slate-400">{t.footer}</footer>
    </DocumentFrame>
  );
}
