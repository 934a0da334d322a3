import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FLOW_RUNNERS } from '@/components/flow/flow-runners';
import { fixInfoFor, flowIds, getFlow, listFlows } from '@/lib/flows/server';
import { isLocale, LOCALES } from '@/lib/i18n/locales';
import type { FlowId } from '@/machines';

export const dynamicParams = false;

type Params = Promise<{ lang: string; id: string }>;

export function generateStaticParams() {
  return LOCALES.flatMap((lang) => flowIds().map((id) => ({ lang, id })));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, id } = await params;
  const flow = getFlow(id);
  return flow && isLocale(lang) ? { title: flow.info.title[lang], description: flow.info.description[lang] } : {};
}

/** One decision flow: its first step is rendered here; a link's path is restored in the browser. */
export default async function FlowPage({ params }: { params: Params }) {
  const { lang, id } = await params;
  const flow = getFlow(id);
  if (!flow || !isLocale(lang)) notFound();
  const Runner = FLOW_RUNNERS[flow.info.id];
  const flowTitles = Object.fromEntries(listFlows().map((info) => [info.id, info.title[lang]])) as Record<FlowId, string>;
  return <Runner lang={lang} fixes={fixInfoFor(flow.info.id, lang)} flowTitles={flowTitles} />;
}
