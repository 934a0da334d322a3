import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FlowList } from '@/components/flow/flow-list';
import { isLocale, LOCALES, flowMessages } from '@/lib/i18n';

export const dynamicParams = false;

type Params = Promise<{ lang: string }>;

export function generateStaticParams() {
  return LOCALES.map((lang) => ({ lang }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang } = await params;
  return isLocale(lang) ? { title: flowMessages[lang].listTitle } : {};
}

/** The list of decision flows. */
export default async function FlowsPage({ params }: { params: Params }) {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  const t = flowMessages[lang];
  return (
    <div>
      <h1 className="text-3xl font-bold">{t.listTitle}</h1>
      <p className="mt-3 mb-6 text-lg text-slate-700 dark:text-slate-300">{t.listIntro}</p>
      <FlowList lang={lang} headingLevel={2} />
    </div>
  );
}
