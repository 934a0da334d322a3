import { parsePort } from '@/lib/address';
import { fixLinkPath } from '@/lib/content';
import type { Locale } from '@/lib/i18n';
import type { FixRef } from '@/machines';
import type { FlowTarget } from './reports/text';

/** The article section of a fix: `/<lang>/articles/<slug>#<fixId>`. */
export function articleFixHref(lang: Locale, fix: FixRef): string {
  return `/${lang}/articles/${fix.slug}#${fix.fixId}`;
}

/** The customer's view of one fix, filled in with their host and port: `/<lang>/fix/<slug>?fix=&host=&port=`. */
export function customerFixHref(lang: Locale, fix: FixRef, target: Pick<FlowTarget, 'host' | 'port'>): string {
  const port = parsePort(target.port);
  return fixLinkPath(lang, fix.slug, fix.fixId, { ...(target.host ? { host: target.host } : {}), ...(port ? { port } : {}) });
}

/** A flow page, optionally with its path query: `/<lang>/flows/<id>?v=&p=`. */
export function flowHref(lang: Locale, flowId: string, query = ''): string {
  return `/${lang}/flows/${flowId}${query ? `?${query}` : ''}`;
}
