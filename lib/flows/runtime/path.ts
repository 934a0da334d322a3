import * as z from 'zod/mini';
import { probeResultSchema } from '@/lib/probes';

const text = (max: number) => z.string().check(z.maxLength(max));
const fieldValueSchema = z.union([text(4000), z.array(z.record(z.string(), text(4000))).check(z.maxLength(50))]);

const probeFailureSchema = z.object({
  kind: z.enum(['http', 'network', 'timeout', 'cancelled', 'invalid-response']),
  status: z.optional(z.int()),
  code: z.optional(text(80)),
  message: text(2000),
});

const stateId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,80}$/));
const eventName = z.string().check(z.regex(/^[a-z0-9-]{1,40}$/));

/**
 * One recorded step of a flow: what happened in which state. A flow's path is a list of
 * these; it is what a link carries, and the runtime turns each into the machine's event.
 */
export const pathStepSchema = z.discriminatedUnion('kind', [
  // `implied`: the runtime answered from the values (an https:// URL says the client expects TLS).
  z.object({ kind: z.literal('answer'), state: stateId, option: eventName, implied: z.optional(z.literal(true)) }),
  z.object({ kind: z.literal('submit'), state: stateId, action: eventName, values: z.record(text(80), fieldValueSchema) }),
  z.object({ kind: z.literal('probe'), state: stateId, result: probeResultSchema }),
  z.object({ kind: z.literal('probe-error'), state: stateId, failure: probeFailureSchema }),
  z.object({ kind: z.literal('cancel'), state: stateId }),
]);

/** One recorded step. */
export type PathStep = z.infer<typeof pathStepSchema>;
