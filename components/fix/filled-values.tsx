import { summarisePlaceholders, type PlaceholderValues } from '@/lib/content';
import { fixMessages, placeholderHelp, placeholderLabels, type Locale } from '@/lib/i18n';

/** A placeholder's label or explanation; names are checked by the content lint, so one is always there. */
function wordsFor(messages: Record<Locale, Record<string, string>>, lang: Locale, name: string): string {
  return messages[lang][name] ?? name;
}

/**
 * Says honestly what a customer's commands contain: which of their values are already filled in,
 * and which example values (marked in the commands) they must replace, with what. Says nothing
 * when the commands have no placeholders.
 */
export function FilledValues({ lang, codes, values }: { lang: Locale; codes: readonly string[]; values: PlaceholderValues }) {
  const t = fixMessages[lang];
  const { filled, examples } = summarisePlaceholders(codes, values);
  if (filled.length === 0 && examples.length === 0) return null;
  return (
    <div className="my-4 space-y-3" data-testid="filled-values">
      {filled.length > 0 ? (
        <div>
          <p>{t.filledIn}</p>
          <ul className="mt-1 list-disc pl-6">
            {filled.map((value) => (
              <li key={`${value.name}:${value.text}`}>
                {wordsFor(placeholderLabels, lang, value.name)}{t.labelSeparator}<code className="break-all">{value.text}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {examples.length > 0 ? (
        <div className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          <p>{t.toReplace}</p>
          <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            {examples.map((value) => (
              <div key={`${value.name}:${value.text}`} className="contents">
                <dt>
                  <mark className="placeholder-mark break-all">{value.text}</mark>
                </dt>
                <dd className="mb-2 sm:mb-0">
                  <span className="font-medium">{wordsFor(placeholderLabels, lang, value.name)}</span>{t.labelSeparator}
                  {wordsFor(placeholderHelp, lang, value.name)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}
