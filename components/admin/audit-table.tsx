import type { AuditRow } from '@/lib/auth/server';
import { adminMessages, type Locale } from '@/lib/i18n';
import { LocalTime } from './local-time';

/** One line saying what a row recorded: a probe's target and outcome, a case's id, the rest as `key: value`. */
function summary(row: AuditRow): string {
  const detail = row.detail;
  if (row.kind === 'probe') {
    const onCase = typeof detail.caseId === 'string' ? ` · case ${detail.caseId}` : '';
    return `${detail.type} ${detail.target} → ${detail.code} (${detail.status})${onCase}`;
  }
  const text = Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}

const CELL = 'border-b border-slate-200 px-2 py-1.5 align-top dark:border-slate-700';

/** The audit rows as a table; on a phone it scrolls sideways inside a focusable region. */
export function AuditTable({ rows, lang }: { rows: AuditRow[]; lang: Locale }) {
  const t = adminMessages[lang];
  return (
    // A scrollable region must be reachable from the keyboard (axe: scrollable-region-focusable), so it takes focus.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="mt-6 overflow-x-auto" tabIndex={0} role="region" aria-label={t.caption}>
      <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
        <caption className="sr-only">{t.caption}</caption>
        <thead>
          <tr>
            {[t.time, t.kind, t.user, t.address, t.detail].map((heading) => (
              <th key={heading} scope="col" className={`${CELL} font-semibold`}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={CELL}>
                <LocalTime iso={row.at.toISOString()} lang={lang} />
              </td>
              <td className={`${CELL} font-mono whitespace-nowrap`}>{row.kind}</td>
              <td className={CELL}>
                {row.userName ? (
                  <span title={row.userEmail ?? undefined}>{row.userName}</span>
                ) : row.detail.via === 'service' ? (
                  t.serviceToken
                ) : (
                  (row.userId ?? t.noUser)
                )}
              </td>
              <td className={`${CELL} font-mono`}>{row.address ?? t.noUser}</td>
              <td className={`${CELL} min-w-64 [overflow-wrap:anywhere]`}>{summary(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
