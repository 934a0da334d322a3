/** The browser storage key of recent searches (like `fixpath.platform` for the platform tabs). */
export const RECENT_SEARCHES_KEY = 'fixpath.search.recent';

/** How many recent searches are kept. */
const RECENT_LIMIT = 6;

const MAX_LENGTH = 300;

/** Puts `query` first in the list, without repeating it, keeping at most {@link RECENT_LIMIT}. */
export function rememberSearch(recent: readonly string[], query: string): string[] {
  const trimmed = query.trim().slice(0, MAX_LENGTH);
  if (!trimmed) return [...recent];
  return [trimmed, ...recent.filter((entry) => entry !== trimmed)].slice(0, RECENT_LIMIT);
}

/** Reads a stored list, ignoring anything that is not a list of strings (an old or edited value). */
export function parseRecentSearches(stored: string | null): string[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string').slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}
