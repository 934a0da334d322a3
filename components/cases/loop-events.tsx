import type { BrowserCheck } from '@/lib/cases';
import { casePageMessages, format, type Locale } from '@/lib/i18n';
import { checkText, durationText, offsetText } from './check-words';

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** The findings of parsed output as a list: each code with the parser's sentence. */
function FindingList({ findings }: { findings: unknown }) {
  const items = Array.isArray(findings) ? findings.map(asRecord) : [];
  if (items.length === 0) return null;
  return (
    <ul className="mt-1 grid gap-0.5" data-testid="findings">
      {items.map((finding, index) => (
        <li key={index} className="break-words">
          <code className="font-semibold">{String(finding.code ?? '?')}</code> {typeof finding.summary === 'string' ? finding.summary : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * An `evidence` event's body: the tool, the findings with their codes, and the raw text folded
 * away. The text is a text node inside `<pre>`, never HTML: whatever was pasted shows as typed.
 */
export function EvidenceBody({ payload, lang }: { payload: Record<string, unknown>; lang: Locale }) {
  const t = casePageMessages[lang];
  const parsed = asRecord(payload.parsed);
  return (
    <div className="mt-1 text-sm" data-testid="evidence">
      {typeof parsed.tool === 'string' ? <p>{format(t.evidenceTool, { tool: parsed.tool })}</p> : null}
      <FindingList findings={parsed.findings} />
      <details className="mt-1">
        <summary className="cursor-pointer focus-visible:outline-2 focus-visible:outline-blue-600">{t.rawOutput}</summary>
        <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-100 p-2 text-xs whitespace-pre-wrap break-words dark:bg-slate-800">{String(payload.text ?? '')}</pre>
      </details>
    </div>
  );
}

/** Each check a browser made, in words with its time to failure. */
export function CheckList({ checks, lang }: { checks: BrowserCheck[]; lang: Locale }) {
  const t = casePageMessages[lang];
  return (
    <ul className="mt-1 grid gap-0.5">
      {checks.map((check, index) => (
        <li key={index} className="break-words" data-outcome={check.outcome}>
          {checkText(check, t)}
          {check.url ? <code className="ml-1 text-xs break-all">{check.url}</code> : null}
        </li>
      ))}
    </ul>
  );
}

/** A `browser-check` event's body: the clock offset, browser, system, zone and languages, the address Fixpath saw, and each check. */
export function BrowserCheckBody({ payload, lang }: { payload: Record<string, unknown>; lang: Locale }) {
  const t = casePageMessages[lang];
  const clock = asRecord(payload.clock);
  const client = asRecord(payload.client);
  const seen = asRecord(payload.seenFrom);
  const value = (field: unknown) => (typeof field === 'string' && field !== '' ? field : t.unknownValue);
  const languages = Array.isArray(client.languages) && client.languages.length > 0 ? client.languages.join(', ') : t.unknownValue;
  const checks = Array.isArray(payload.checks) ? (payload.checks.map(asRecord) as unknown as BrowserCheck[]) : [];
  return (
    <div className="mt-1 text-sm" data-testid="browser-check">
      <p>{typeof clock.offsetMs === 'number' ? format(t.clockOffset, { offset: offsetText(clock.offsetMs, t), rtt: durationText(Number(clock.roundTripMs ?? 0), t) }) : t.clockUnknown}</p>
      <p>{format(t.clientFacts, { browser: value(client.browser), os: value(client.os), zone: value(client.timeZone), languages })}</p>
      {typeof seen.address === 'string' ? <p>{format(t.seenFrom, { address: seen.address, family: String(seen.family ?? '?') })}</p> : null}
      <CheckList checks={checks} lang={lang} />
    </div>
  );
}
