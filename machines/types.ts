import type { Localized } from '../lib/i18n/locales';
import type { ProbeRequest } from '../lib/probes/request-schema';
import type { ProbeCode, ProbeResult, ProbeType } from '../lib/probes/schema';

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

/** Why a probe produced no result: the API refused, the network failed, it timed out or staff cancelled it. */
export interface ProbeFailure {
  kind: 'http' | 'network' | 'timeout' | 'cancelled' | 'invalid-response';
  /** HTTP status from `/api/probe`, when it answered with an error. */
  status?: number;
  /** API error code such as `TARGET_FORBIDDEN` or `RATE_LIMITED`. */
  code?: string;
  message: string;
}

/** What a probe state asks `/api/probe` to run: the API's own request body type. */
export type { ProbeRequest } from '../lib/probes/request-schema';

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
  /** Chosen option per question state. */
  answers: Record<string, string>;
  evidence: Evidence[];
  /** The probe kind staff chose to attach as evidence (five-whys). */
  attach: ProbeType | null;
}

/** Staff picked an option of a question. */
export type AnswerEvent = { type: `answer.${string}` };

/** Staff submitted a form with one of its buttons. */
export type SubmitEvent = { type: `submit.${string}`; values: FlowValues };

/** Staff cancelled a running probe. */
export type CancelEvent = { type: 'cancel' };

/** Events staff send to a flow. */
export type FlowEvent = AnswerEvent | SubmitEvent | CancelEvent;

/** A probe state's invoked actor finished (its id is the state id). */
export type ProbeDoneEvent = { type: `xstate.done.actor.${string}`; output: ProbeResult };

/** A probe state's invoked actor failed. */
export type ProbeErrorEvent = { type: `xstate.error.actor.${string}`; error: ProbeFailure };

/** Every event a recorded path can hold. */
export type PathEvent = FlowEvent | ProbeDoneEvent | ProbeErrorEvent;

/** How a probe result is matched to a branch: all given conditions must hold. */
export interface ResultMatch {
  codes: readonly ProbeCode[];
  /** `details.status` must be one of these (HTTP). */
  status?: readonly number[];
  /** `|details.clockSkewSeconds|` must exceed this many seconds. */
  skewAbove?: number;
}
