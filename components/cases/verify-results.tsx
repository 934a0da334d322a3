import { casePageMessages, type Locale } from '@/lib/i18n';
import { LocalTime } from './local-time';

/** What `POST /api/cases/:id/verify` answers and a `verify` event holds. */
export interface VerifyOutcome {
  results?: Array<{ before?: unknown; after?: unknown }>;
  verified?: boolean;
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/**
 * The probe result inside a before or after entry (`{eventId, request, result, ranAt, ranBy}`,
 * or `{request, error}` for a re-run the server could not make), a bare result, or a stored
 * event's `{payload: {result}}`: its code (or the error's), whether it passed, target, type and time.
 */
function resultOf(entry: unknown): { code: string; ok: boolean; target: string; type: string; at: string | null } {
  const direct = asRecord(entry);
  const result = 'code' in direct ? direct : 'result' in direct ? asRecord(direct.result) : 'error' in direct ? asRecord(direct.error) : asRecord(asRecord(direct.payload).result);
  const request = asRecord(direct.request ?? asRecord(direct.payload).request);
  const at = typeof direct.ranAt === 'string' ? direct.ranAt : null;
  return { code: String(result.code ?? '?'), ok: result.ok === true, target: String(result.target ?? request.url ?? request.host ?? ''), type: String(result.type ?? request.type ?? ''), at };
}

/** One side of a re-run: the code, coloured by whether it passed, and when it ran. */
function Side({ side, lang, now }: { side: ReturnType<typeof resultOf>; lang: Locale; now: number }) {
  return (
    <>
      <code className={`font-semibold break-all ${side.ok ? 'text-green-800 dark:text-green-300' : 'text-red-800 dark:text-red-300'}`}>{side.code}</code>
      {side.at ? (
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          <LocalTime iso={side.at} lang={lang} variant="short" now={now} />
        </span>
      ) : null}
    </>
  );
}

/** The verdict of a verification and each re-run probe, before and now side by side. */
export function VerifyResults({ lang, outcome, now }: { lang: Locale; outcome: VerifyOutcome; now: number }) {
  const t = casePageMessages[lang];
  const results = outcome.results ?? [];
  if (results.length === 0) return <p>{t.nothingToVerify}</p>;
  return (
    <div data-verified={outcome.verified ? 'true' : 'false'}>
      <p className={`font-medium ${outcome.verified ? 'text-green-800 dark:text-green-300' : 'text-red-800 dark:text-red-300'}`}>{outcome.verified ? t.verified : t.notVerified}</p>
      <table className="mt-1 w-full table-fixed text-left text-sm" data-testid="verify-results">
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-600">
            <th scope="col" className="w-2/5 py-1 pr-2 font-medium">
              {t.probeColumn}
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              {t.before}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t.after}
            </th>
          </tr>
        </thead>
        <tbody>
          {results.map((entry, index) => {
            const before = resultOf(entry.before);
            const after = resultOf(entry.after);
            return (
              <tr key={index} className="align-top">
                <th scope="row" className="py-1 pr-2 font-normal break-all">
                  {before.type ? <span className="mr-1 font-mono text-xs uppercase">{before.type}</span> : null}
                  {before.target ? <span className="font-mono">{before.target}</span> : null}
                </th>
                <td className="py-1 pr-2">
                  <Side side={before} lang={lang} now={now} />
                </td>
                <td className="py-1">
                  <Side side={after} lang={lang} now={now} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
