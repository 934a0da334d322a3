import type { ProbeResult } from '../lib/probes/schema';
import { isValidHost, textOf } from './fields';
import { parseServerAddress } from './server-address';
import type { FieldValue, ResultMatch } from './types';

/** Tests a form or question can branch on; named so the flow map can say what they mean. */
export const VALUE_TESTS = {
  filled: (value: FieldValue | undefined) => textOf(value) !== '',
  ipLiteral: (value: FieldValue | undefined) => isIpLiteral(textOf(value)),
  addressMalformed: (value: FieldValue | undefined) => !parseServerAddress(textOf(value)).ok,
} satisfies Record<string, (value: FieldValue | undefined) => boolean>;

/** A named value test. */
export type ValueTest = keyof typeof VALUE_TESTS;

/** "Branch here when this field passes this test." */
export interface ValueCondition {
  field: string;
  test: ValueTest;
}

/** True for an IPv4 or IPv6 literal (no DNS lookup needed). */
export function isIpLiteral(host: string): boolean {
  const bare = host.trim().replace(/^\[(.*)\]$/, '$1');
  return isValidHost(bare) && (/^[\d.]+$/.test(bare) || bare.includes(':'));
}

/** True when a probe result satisfies every condition of `match`. */
export function resultMatches(result: ProbeResult, match: ResultMatch): boolean {
  if (!match.codes.includes(result.code)) return false;
  if (match.status) {
    const status = Number(result.details.status);
    if (!match.status.includes(status)) return false;
  }
  if (match.skewAbove !== undefined) {
    const skew = Math.abs(Number(result.details.clockSkewSeconds));
    if (!(skew > match.skewAbove)) return false;
  }
  return true;
}
