import type { ReactNode } from 'react';
import type { CaseRecord } from '@/lib/cases';
import { casePageMessages, type Locale } from '@/lib/i18n';
import { StatusBadge } from './case-status';
import { LocalTime } from './local-time';
import { personName, targetText, type Names } from './names';

/** The case at a glance: ticket (linked to the ticket system), customer, target, language, status, assignee, version, times. */
export function CaseFacts({ record, lang, names, now }: { record: CaseRecord; lang: Locale; names: Names; now: number }) {
  const t = casePageMessages[lang];
  const target = targetText(record.target);
  const ticket: ReactNode = record.ticketUrl ? (
    <a href={record.ticketUrl} target="_blank" rel="noreferrer noopener" className="text-blue-800 underline underline-offset-2 dark:text-blue-300">
      {record.ticketRef ?? record.ticketUrl}
    </a>
  ) : (
    (record.ticketRef ?? t.none)
  );
  const facts: Array<[string, ReactNode]> = [
    [t.ticket, ticket],
    [t.customerName, record.customerName ?? t.none],
    [t.target, target ? <code className="break-all">{target}</code> : t.none],
    [t.language, record.lang === 'zh' ? t.langZh : t.langEn],
    [t.status, <StatusBadge key="status" status={record.status} lang={lang} />],
    [t.assignee, record.assignee ? personName(record.assignee, names, t) : t.unassigned],
    [t.version, String(record.version)],
    [t.opened, <LocalTime key="opened" iso={record.createdAt} lang={lang} variant="short" now={now} />],
  ];
  return (
    <section aria-label={t.facts}>
      <dl className="mt-4 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 sm:grid-cols-[max-content_minmax(0,1fr)_max-content_minmax(0,1fr)]" data-testid="case-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="min-w-0" data-fact={label}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
