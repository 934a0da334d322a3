import { readVantage, vantageOf, type TimelineEvent, type VantageReading } from '@/lib/cases';
import { casePageMessages, format, type CasePageMessages, type Locale } from '@/lib/i18n';
import { offsetText } from './check-words';
import { LocalTime } from './local-time';
import { CheckList } from './loop-events';
import { personName, type Names } from './names';
import { fillSlots } from './slots';

const READINGS: Record<VantageReading, keyof CasePageMessages> = {
  'both-reach': 'readingBothReach',
  'customer-network-drops': 'readingCustomerDrops',
  'customer-side-refuses': 'readingCustomerRefuses',
  'customer-dns': 'readingCustomerDns',
  'customer-tls': 'readingCustomerTls',
  'server-side-only': 'readingServerOnly',
  'both-fail': 'readingBothFail',
};

/**
 * Both vantage points of the case's target side by side: the latest probe of each kind the
 * Fixpath server ran (code, time, who) next to the customer's latest browser check and pasted
 * output (codes, time), with the one-line reading where they can be compared.
 */
export function VantagePanel({ events, lang, names, now }: { events: readonly TimelineEvent[]; lang: Locale; names: Names; now: number }) {
  const t = casePageMessages[lang];
  const vantage = vantageOf(events);
  const { reading, clockSkew } = readVantage(vantage);
  const time = (iso: string) => <LocalTime iso={iso} lang={lang} variant="short" now={now} />;
  const column = 'min-w-0 rounded border border-slate-200 p-3 dark:border-slate-700';
  return (
    <section aria-labelledby="vantage-heading" className="mb-8" data-testid="vantage">
      <h2 id="vantage-heading" className="text-lg font-semibold">
        {t.vantageTitle}
      </h2>
      {reading || clockSkew ? (
        <div className="mt-1 font-medium" data-testid="vantage-reading" data-reading={reading ?? ''}>
          {reading ? <p>{t[READINGS[reading]]}</p> : null}
          {clockSkew && vantage.browser?.clockOffsetMs != null ? <p>{format(t.clockSkew, { offset: offsetText(vantage.browser.clockOffsetMs, t) })}</p> : null}
        </div>
      ) : null}
      <div className="mt-2 grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2">
        <div className={column} data-testid="vantage-server">
          <h3 className="font-semibold">{t.fromServer}</h3>
          {vantage.server.length === 0 ? (
            <p className="mt-1 text-sm">{t.noServerProbes}</p>
          ) : (
            <ul className="mt-1 grid gap-1 text-sm">
              {vantage.server.map((probe) => (
                <li key={probe.type} data-code={probe.code}>
                  <span className="mr-1 font-mono text-xs uppercase">{probe.type}</span>
                  <code className={`font-semibold ${probe.ok ? 'text-green-800 dark:text-green-300' : 'text-red-800 dark:text-red-300'}`}>{probe.code}</code>
                  <span className="block text-slate-700 dark:text-slate-300">{fillSlots(t.checkedBy, { time: time(probe.at), actor: personName(probe.by, names, t) })}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className={column} data-testid="vantage-customer">
          <h3 className="font-semibold">{t.fromCustomer}</h3>
          {!vantage.browser && !vantage.evidence ? <p className="mt-1 text-sm">{t.noCustomerData}</p> : null}
          {vantage.browser ? (
            <div className="mt-1 text-sm">
              <p className="text-slate-700 dark:text-slate-300">{fillSlots(t.browserCheckAt, { time: time(vantage.browser.at) })}</p>
              <CheckList checks={vantage.browser.checks} lang={lang} />
            </div>
          ) : null}
          {vantage.evidence ? (
            <div className="mt-2 text-sm">
              <p className="text-slate-700 dark:text-slate-300">{fillSlots(t.evidenceBy, { actor: personName(vantage.evidence.actor, names, t), time: time(vantage.evidence.at) })}</p>
              <p className="mt-0.5 flex flex-wrap gap-1">
                {vantage.evidence.codes.map((code, index) => (
                  <code key={index} className="rounded bg-slate-100 px-1 font-semibold dark:bg-slate-800">
                    {code}
                  </code>
                ))}
              </p>
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}
