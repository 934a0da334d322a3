import * as z from 'zod/mini';
import type { FlowId } from '@/machines';
import { pathStepSchema, type PathStep } from '../runtime/path';
import { slimStep } from './slim';

/** Version of the link format itself; the flow's own version travels separately in `v`. */
const LINK_FORMAT = 1;

/** Longest `p` parameter written; beyond it probe details are trimmed (servers refuse very long URLs). */
export const MAX_PAYLOAD_CHARS = 6000;

/** What a flow link's query string says. */
export type DecodedLink =
  | { status: 'empty' }
  | { status: 'ok'; flowVersion: number; steps: PathStep[]; /** Steps the link held, readable or not. */ recorded: number }
  | { status: 'unreadable'; reason: UnreadableReason; /** The flow the link belongs to, for `other-flow`. */ flow?: string };

/** Why a link cannot be read: no valid flow version, a payload this app did not write, an unknown format, or another flow's path. */
export type UnreadableReason = 'version' | 'payload' | 'format' | 'other-flow';

type Tuple = [string, ...unknown[]];

function toTuple(step: PathStep): Tuple {
  switch (step.kind) {
    case 'answer':
      return step.implied ? ['a', step.state, step.option, 1] : ['a', step.state, step.option];
    case 'submit':
      return ['s', step.state, step.action, step.values];
    case 'probe':
      return ['p', step.state, step.result];
    case 'probe-error':
      return ['e', step.state, step.failure];
    case 'cancel':
      return ['c', step.state];
  }
}

function fromTuple(tuple: unknown): unknown {
  if (!Array.isArray(tuple)) return null;
  const [tag, state, a, b] = tuple;
  const byTag: Record<string, unknown> = {
    a: { kind: 'answer', state, option: a, ...(b === 1 ? { implied: true } : {}) },
    s: { kind: 'submit', state, action: a, values: b },
    p: { kind: 'probe', state, result: a },
    e: { kind: 'probe-error', state, failure: a },
    c: { kind: 'cancel', state },
  };
  return byTag[String(tag)] ?? null;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** Bytes as base64url without padding (URL-safe, no escaping needed). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url text; throws on text that is not base64. */
export function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function pack(flowId: FlowId, steps: readonly PathStep[]): Promise<string> {
  const json = JSON.stringify([LINK_FORMAT, flowId, steps.map(toTuple)]);
  return toBase64Url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/**
 * The query string of a flow link: `v` is the flow's version, `p` the path (answers and
 * recorded probe results), deflated and base64url-encoded. Very large probe details are
 * trimmed so the link stays short enough for any server.
 */
export async function encodeFlowLink(flowId: FlowId, flowVersion: number, steps: readonly PathStep[]): Promise<string> {
  let payload = await pack(flowId, steps);
  for (let level = 1; payload.length > MAX_PAYLOAD_CHARS && level <= 3; level += 1) {
    payload = await pack(flowId, steps.map((step) => slimStep(step, level)));
  }
  return new URLSearchParams({ v: String(flowVersion), p: payload }).toString();
}

const payloadSchema = z.tuple([z.literal(LINK_FORMAT), z.string(), z.array(z.unknown()).check(z.maxLength(200))]);

/** Reads a flow link's query string; never throws, says why a link cannot be read. */
export async function decodeFlowLink(flowId: FlowId, query: string | URLSearchParams): Promise<DecodedLink> {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const payload = params.get('p');
  if (!payload) return { status: 'empty' };
  const flowVersion = Number(params.get('v'));
  if (!Number.isInteger(flowVersion) || flowVersion < 1) return { status: 'unreadable', reason: 'version' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(new TextDecoder().decode(await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'))));
  } catch {
    return { status: 'unreadable', reason: 'payload' };
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return { status: 'unreadable', reason: 'format' };
  if (parsed.data[1] !== flowId) return { status: 'unreadable', reason: 'other-flow', flow: parsed.data[1] };
  const steps: PathStep[] = [];
  // Keep the steps up to the first damaged one; replay then resumes from there.
  for (const tuple of parsed.data[2]) {
    const step = pathStepSchema.safeParse(fromTuple(tuple));
    if (!step.success) break;
    steps.push(step.data);
  }
  return { status: 'ok', flowVersion, steps, recorded: parsed.data[2].length };
}
