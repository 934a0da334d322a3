import type { FlowValues, Text } from '@/machines';
import { format, type Locale } from '@/lib/i18n';
import { readClientAddress } from '../runtime/address';
import { textOf } from '../runtime/form';

/** The customer's server as the flow knows it: typed host and port, or parsed from a client's address. */
export interface FlowTarget {
  host: string;
  port: string;
  url: string;
}

/** Host, port and URL from a flow's values (`host`/`port`/`url`, or a verbatim `address`). */
export function targetOf(values: FlowValues): FlowTarget {
  const parsed = readClientAddress(textOf(values.address));
  const host = textOf(values.host) || (parsed.ok ? parsed.host : '');
  const port = (parsed.ok && parsed.port ? String(parsed.port) : '') || textOf(values.port);
  return { host, port, url: textOf(values.url) };
}

const UNKNOWN: Text = { zh: '（未填写）', en: '(not given)' };

/** A state's text in one language with `{host}`, `{port}` and `{url}` filled in (plain text, never HTML). */
export function flowText(text: Text | undefined, lang: Locale, values: FlowValues): string {
  if (!text) return '';
  const target = targetOf(values);
  const slots = Object.fromEntries(Object.entries(target).map(([key, value]) => [key, value || UNKNOWN[lang]]));
  return format(text[lang], slots);
}

/** `label: value` with the colon each language uses. */
export function labelled(label: string, value: string, lang: Locale): string {
  return lang === 'zh' ? `${label}：${value}` : `${label}: ${value}`;
}

/** The list separator each language uses between `label: value` pairs. */
export function listSeparator(lang: Locale): string {
  return lang === 'zh' ? '；' : '; ';
}
