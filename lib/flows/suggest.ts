import type { CauseSuggestion } from '@/machines';
import type { Locale } from '@/lib/i18n';

/** Words, or Chinese character pairs (Chinese has no spaces), of a text, lower-cased. */
function terms(text: string): Set<string> {
  const lower = text.toLowerCase();
  const words = lower.match(/[a-z0-9]{3,}/g) ?? [];
  const han = [...lower.matchAll(/[\u4e00-\u9fff]+/g)].flatMap(([run]) =>
    run.length === 1 ? [run] : Array.from({ length: run.length - 1 }, (_, i) => run.slice(i, i + 2)),
  );
  return new Set([...words, ...han]);
}

/**
 * The knowledge-base causes most related to what staff wrote so far (the problem and
 * the previous causes), best first; with nothing in common, the catalog order.
 */
export function rankSuggestions(suggestions: readonly CauseSuggestion[], context: string, lang: Locale, limit = 5): CauseSuggestion[] {
  const wanted = terms(context);
  const scored = suggestions.map((suggestion, index) => {
    const own = terms(`${suggestion.text[lang]} ${suggestion.fix.slug.replace(/-/g, ' ')}`);
    const score = [...own].filter((term) => wanted.has(term)).length;
    return { suggestion, score, index };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ suggestion }) => suggestion);
}
