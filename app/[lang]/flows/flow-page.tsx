import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ComponentType } from 'react';
import type { FlowRunnerProps } from '@/components/flow/flow-runner';
import { fixInfoFor, flowMapLayout, getFlow, listFlows } from '@/lib/flows/server';
import { isLocale } from '@/lib/i18n';
import type { FlowId } from '@/machines';

type Params = Promise<{ lang: string }>;

/**
 * The page of one decision flow. Each flow has its own route (`flows/<id>/page.tsx`) that
 * passes its own runner, so the page's bundle holds that one machine and its first step is
 * rendered here, on the server; a link's path is restored in the browser.
 */
export function flowPage(id: FlowId, Runner: ComponentType<FlowRunnerProps>) {
  async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
    const { lang } = await params;
    const flow = getFlow(id);
    return flow && isLocale(lang) ? { title: flow.info.title[lang], description: flow.info.description[lang] } : {};
  }

  async function FlowPage({ params }: { params: Params }) {
    const { lang } = await params;
    if (!isLocale(lang)) notFound();
    const flowTitles = Object.fromEntries(listFlows().map((info) => [info.id, info.title[lang]])) as Record<FlowId, string>;
    return <Runner lang={lang} fixes={fixInfoFor(id, lang)} flowTitles={flowTitles} map={flowMapLayout(id, lang)} />;
  }

  return { generateMetadata, FlowPage };
}
