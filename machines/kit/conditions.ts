import type { AddressKind, FieldValue, ProbeResult, ResultMatch } from './types';

/** What a value test looks at: the field's value and, for address fields, what the runtime read from it. */
interface TestInput {
  value: FieldValue | undefined;
  address: AddressKind | undefined;
}

/** A condition resolved against the values at hand: the test and what it looks at. */
export type ConditionInput = TestInput & { test: ValueTest };

const filled = (value: FieldValue | undefined) => (typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) && value.length > 0);

/** Schemes that promise TLS, and ones that promise none: what an address or URL says by itself. */
const TLS_SCHEME = /^\s*(https|wss|ssl|tls):\/\//i;
const PLAIN_SCHEME = /^\s*(http|ws):\/\//i;

/** Tests a form or question can branch on; named so the flow map can say what they mean. */
export const VALUE_TESTS = {
  filled: ({ value }: TestInput) => filled(value),
  /** The value is an address whose scheme means TLS (`https://`, `wss://`, `ssl://`, `tls://`). */
  impliesTls: ({ value }: TestInput) => typeof value === 'string' && TLS_SCHEME.test(value),
  /** The value is an address whose scheme means no TLS (`http://`, `ws://`). */
  impliesPlain: ({ value }: TestInput) => typeof value === 'string' && PLAIN_SCHEME.test(value),
  ipLiteral: ({ address }: TestInput) => address === 'ipv4' || address === 'ipv6',
  addressMalformed: ({ address }: TestInput) => address === 'malformed',
} satisfies Record<string, (input: TestInput) => boolean>;

/** A named value test. */
type ValueTest = keyof typeof VALUE_TESTS;

/** "Branch here when this field passes this test." */
export interface ValueCondition {
  field: string;
  test: ValueTest;
}

/** True when there is no condition, or it holds. */
export function passes(condition: ConditionInput | undefined): boolean {
  return condition === undefined || VALUE_TESTS[condition.test](condition);
}

/** True when the required fields are filled; formats were checked by the runtime before it sent the values. */
export function requiredFilled(fields: ReadonlyArray<{ name: string; required?: boolean }>, values: Record<string, FieldValue>): boolean {
  return fields.every((field) => !field.required || filled(values[field.name]));
}

/** True when a probe result satisfies every condition of `match`. */
export function resultMatches(result: ProbeResult, match: ResultMatch): boolean {
  if (match.codes && !match.codes.includes(result.code)) return false;
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
