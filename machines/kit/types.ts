import type { Localized } from '@/lib/i18n';
import type { ProbeCode, ProbeRequest, ProbeResult, ProbeType } from '@/lib/probes';

export type { ProbeCode, ProbeRequest, ProbeResult, ProbeType };

/** The five decision flows, also their URL segment (`/flows/<id>`). */
export const FLOW_IDS = ['five-layer', 'five-whys', 'tls-handshake', 'client-config', 'incident-response'] as const;

/** One decision flow's id. */
export type FlowId = (typeof FLOW_IDS)[number];

/** True when `value` names a flow. */
export function isFlowId(value: unknown): value is FlowId {
  return typeof value === 'string' && (FLOW_IDS as readonly string[]).includes(value);
}

/** Text in every language the app speaks; `{host}`-style placeholders are filled from the flow's values. */
export type Text = Localized<string>;

/** An article section: `/<lang>/articles/<slug>#<fixId>`. */
export interface FixRef {
  slug: string;
  fixId: string;
}

/** A value typed into a form step: plain text, or rows of a table (countermeasures). */
export type FieldValue = string | Array<Record<string, string>>;

/** What the staff member typed so far, by field name (shared across steps). */
export type FlowValues = Record<string, FieldValue>;

/**
 * What the runtime read from an address field before submitting it: the kind of host,
 * or `malformed` for a verbatim client address it could not read. Machines branch on
 * this instead of parsing addresses themselves.
 */
export type AddressKind = 'ipv4' | 'ipv6' | 'name' | 'malformed';

/** Address readings by field name. */
export type AddressKinds = Record<string, AddressKind>;

/** Why a probe produced no result: the API refused, the network failed, it timed out or staff cancelled it. */
export interface ProbeFailure {
  kind: 'http' | 'network' | 'timeout' | 'cancelled' | 'invalid-response';
  /** HTTP status from `/api/probe`, when it answered with an error. */
  status?: number;
  /** API error code such as `TARGET_FORBIDDEN` or `RATE_LIMITED`. */
  code?: string;
  message: string;
}

/** One probe run kept as evidence: the request and either its result or why there is none. */
export interface Evidence {
  state: string;
  request: ProbeRequest;
  result?: ProbeResult;
  failure?: ProbeFailure;
}

/** Everything a flow remembers; derived entirely from the recorded path. */
export interface FlowContext {
  values: FlowValues;
  /** What the runtime read from the address fields submitted so far. */
  addresses: AddressKinds;
  /** Chosen option per question state. */
  answers: Record<string, string>;
  evidence: Evidence[];
  /** The probe kind staff chose to attach as evidence (five-whys). */
  attach: ProbeType | null;
}

/** Staff picked an option of a question. */
type AnswerEvent = { type: `answer.${string}` };

/** Staff submitted a form with one of its buttons; the runtime has already checked and normalised the values. */
type SubmitEvent = { type: `submit.${string}`; values: FlowValues; addresses: AddressKinds };

/** Staff cancelled the probe the runtime was running for this state. */
export type CancelEvent = { type: 'cancel'; request: ProbeRequest };

/** The runtime ran this state's probe and it produced a result (whatever the result says). */
export type ProbeDoneEvent = { type: 'PROBE.DONE'; request: ProbeRequest; result: ProbeResult };

/** The runtime could not get a result for this state's probe (API refusal, network, timeout). */
export type ProbeFailedEvent = { type: 'PROBE.FAILED'; request: ProbeRequest; failure: ProbeFailure };

/** Every event a flow machine takes. */
export type FlowEvent = AnswerEvent | SubmitEvent | CancelEvent | ProbeDoneEvent | ProbeFailedEvent;

/** How a probe result is matched to a branch: all given conditions must hold. */
export interface ResultMatch {
  /** The result code must be one of these; absent means any code. */
  codes?: readonly ProbeCode[];
  /** `details.status` must be one of these (HTTP). */
  status?: readonly number[];
  /** `|details.clockSkewSeconds|` must exceed this many seconds. */
  skewAbove?: number;
}
