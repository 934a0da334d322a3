import type { CaseRecord } from '@/lib/cases';
import { formatHostPort } from '@/lib/address';
import type { CasePageMessages } from '@/lib/i18n';

/** User ids to names, as the server read them. */
export type Names = Record<string, string>;

/**
 * A person's name for the page: the user's name, "the customer" for events the customer's
 * side caused, or "a former colleague" for an id nobody has any more. Never an id.
 */
export function personName(id: string | null | undefined, names: Names, t: CasePageMessages): string {
  if (!id) return t.nobody;
  if (names[id]) return names[id];
  if (id === 'customer') return t.customer;
  if (id === 'system') return t.system;
  return t.formerUser;
}

/** The target as staff write it: the URL, or `host:port`. */
export function targetText(target: CaseRecord['target']): string | null {
  if (!target) return null;
  return target.url ?? formatHostPort(target.host, target.port ?? undefined);
}
