// zod/mini: the same validation as zod, small enough for the flow runner's bundle.
import * as z from 'zod/mini';
import { PROBE_CODES, PROBE_TYPES, type ProbeCode } from './codes';

const probeTypeSchema = /* @__PURE__ */ z.enum(PROBE_TYPES);
const probeCodeSchema = /* @__PURE__ */ z.enum(Object.values(PROBE_CODES).flat() as [ProbeCode, ...ProbeCode[]]);

/** How bad a finding is, for display. */
const severitySchema = /* @__PURE__ */ z.enum(['ok', 'warn', 'fail', 'info']);

/** The 200 body of `POST /api/probe`: the probe ran, whatever it found. */
export const probeResultSchema = /* @__PURE__ */ z.object({
  type: probeTypeSchema,
  target: z.string(),
  ok: z.boolean(),
  code: probeCodeSchema,
  severity: severitySchema,
  summary: z.string(),
  durationMs: z.number(),
  details: z.record(z.string(), z.unknown()),
});

/** One probe's outcome: a stable `code`, a one-line `summary` and the evidence in `details`. */
export type ProbeResult = z.infer<typeof probeResultSchema>;
/** How bad a finding is: `ok`, `warn`, `fail` or `info`. */
export type Severity = z.infer<typeof severitySchema>;
