import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { DocumentFrame } from '@/components/document-frame';
import { HydrationMarker } from '@/components/hydration-marker';
import { customerMessages } from '@/lib/i18n';
import { pageLanguage } from './language';
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
  const lang = await pageLanguage();
  return (
    <DocumentFrame lang={lang} skipLabel={customerMessages[lang].skipToContent}>
      {children}
      <HydrationMarker />
    </DocumentFrame>
  );
}
