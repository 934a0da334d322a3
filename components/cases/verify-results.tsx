import { casePageMessages, type Locale } from '@/lib/i18n';

/** What `POST /api/cases/:id/verify` answers and a `verify` event holds. */
export interface VerifyOutcome {
  results?: Array<{ before?: unknown; after?: unknown }>;
  verified?: boolean;
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/**
 * The probe result inside a before or after entry (`{eventId, request, result, ranAt, ranBy}`,
 * or `{request, error}` for a re-run the server could not make), a bare result, or a stored
 * event's `{payload: {result}}`: its code (or the error's), target and type.
 */
function resultOf(entry: unknown): { code: string; target: string; type: string } {
  const direct = asRecord(entry);
  const result = 'code' in direct ? direct : 'result' in direct ? asRecord(direct.result) : 'error' in direct ? asRecord(direct.error) : asRecord(asRecord(direct.payload).result);
  const request = asRecord(direct.request ?? asRecord(direct.payload).request);
  return { code: String(result.code ?? '?'), target: String(result.target ?? request.url ?? request.host ?? ''), type: String(result.type ?? request.type ?? '') };
}

/** The verdict of a verification and each re-run probe, before and now. */
export function VerifyResults({ lang, outcome }: { lang: Locale; outcome: VerifyOutcome }) {
  const t = casePageMessages[lang];
  const results = outcome.results ?? [];
  if (results.length === 0) return <p>{t.nothingToVerify}</p>;
  return (
    <div data-verified={outcome.verified ? 'true' : 'false'}>
      <p className={`font-medium ${outcome.verified ? 'text-green-800 dark:text-green-300' : 'text-red-800 dark:text-red-300'}`}>{outcome.verified ? t.verified : t.notVerified}</p>
      <ul className="mt-1 grid gap-1">
        {results.map((entry, index) => {
          const before = resultOf(entry.before);
          const after = resultOf(entry.after);
          return (
            <li key={index} className="break-all">
              {before.type ? <span className="mr-1 font-mono text-xs uppercase">{before.type}</span> : null}
              {before.target ? <span className="mr-1 font-mono">{before.target}</span> : null}
              {t.before}: <code>{before.code}</code> → {t.after}: <code>{after.code}</code>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
