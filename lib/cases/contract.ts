import { z } from 'zod';
import { parseHost, parsePort } from '@/lib/address';
import { LOCALES } from '@/lib/i18n';

/** Where a case stands; `resolved` and `closed` leave the open list. */
export const CASE_STATUSES = ['open', 'waiting', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).optional();

const httpUrl = z
  .string()
  .max(2048, 'must be at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http:// or https:// URL');

/** The server the customer cannot reach; the host is stored in its canonical form. */
const targetSchema = z.strictObject({
  host: z.string().transform((value, context) => {
    const read = parseHost(value);
    if (read.ok) return read.address.host;
    context.addIssue({ code: 'custom', message: read.message });
    return z.NEVER;
  }),
  port: z.number().refine((value) => parsePort(value) !== null, 'must be a whole number from 1 to 65535').optional(),
  url: httpUrl.optional(),
});

/** `POST /api/cases`. */
export const createCaseSchema = z.strictObject({
  title: text(200),
  ticketRef: optionalText(100),
  ticketUrl: httpUrl.optional(),
  customerName: optionalText(200),
  target: targetSchema.optional(),
  lang: z.enum(LOCALES).optional(),
});

/** `PATCH /api/cases/:id`: `version` is the one the caller last saw; a stale one is a 409. */
export const patchCaseSchema = z
  .strictObject({
    version: z.number().int().positive('must be a positive whole number'),
    title: text(200).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    assignee: z.string().min(1).max(100).nullable().optional(),
    ticketRef: optionalText(100).nullable(),
    ticketUrl: httpUrl.nullable().optional(),
    customerName: optionalText(200).nullable(),
    lang: z.enum(LOCALES).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 1, { message: 'names nothing to change', path: ['version'] });

/** `POST /api/cases/:id/notes`. */
export const noteSchema = z.strictObject({ text: text(10_000) });

/** `status=open` or a comma-separated list (`status=open,waiting`: every case still being worked on). */
const statusList = z.string().transform((value, context) => {
  const statuses = [...new Set(value.split(',').map((part) => part.trim()))];
  if (statuses.every((status) => (CASE_STATUSES as readonly string[]).includes(status))) return statuses as CaseStatus[];
  context.addIssue({ code: 'custom', message: 'must be open, waiting, resolved or closed, or a comma-separated list of them' });
  return z.NEVER;
});

/** `GET /api/cases?status=&q=&assignee=&limit=&cursor=`. */
export const listQuerySchema = z.strictObject({
  status: statusList.optional(),
  q: z.string().trim().max(200).optional(),
  /** A user id, or `me`. */
  assignee: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export type CreateCase = z.infer<typeof createCaseSchema>;
export type PatchCase = z.infer<typeof patchCaseSchema>;
export type ListQuery = z.infer<typeof listQuerySchema>;

/** One case as the API returns it. */
export interface CaseRecord {
  id: string;
  title: string;
  ticketRef: string | null;
  ticketUrl: string | null;
  customerName: string | null;
  target: { host: string; port: number | null; url: string | null } | null;
  lang: (typeof LOCALES)[number];
  status: CaseStatus;
  assignee: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One entry of a case's timeline. */
export interface TimelineEvent {
  id: number;
  at: string;
  actor: string;
  kind: string;
  payload: Record<string, unknown>;
}

/** A flow's id or a state's id: what the flow runner sends, checked by shape (the cases feature does not load the flows). */
const flowName = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be 1 to 80 letters, digits, - or _');

/** `POST /api/cases/:id/runs`: a flow run starts on the case (`lang`: the case's when absent). */
export const startRunSchema = z.strictObject({ flowId: flowName, lang: z.enum(LOCALES).optional(), from: z.uuid().optional() });

/** A form's values as the runner submitted them: text, or rows of text. */
const formValues = z.record(z.string().max(80), z.union([z.string().max(4000), z.array(z.record(z.string().max(80), z.string().max(4000))).max(50)]));

/** Why a probe step has no result (the browser's account of a call that failed; never evidence). */
const probeFailure = z.strictObject({
  kind: z.enum(['http', 'network', 'timeout', 'cancelled', 'invalid-response']),
  status: z.number().int().optional(),
  code: z.string().max(80).optional(),
  message: z.string().max(2000),
});

/**
 * `POST /api/cases/:id/runs/:runId/steps`: one step the agent completed. `index` is its place in
 * the path (a step at an earlier index replaces the path from there: the agent went back);
 * `answer` is the option chosen (`answer`) or the values typed (`submit`, with `action`); a
 * `probe` step names the stored probe event that holds its evidence. `implied` marks an answer
 * the runner gave by itself from the values, in the words it showed ("implied by https:// in
 * the URL"), so a reopened run and the timeline show it as implied, not as the agent's choice.
 */
export const runStepSchema = z
  .strictObject({
    index: z.number().int().min(0).max(500),
    kind: z.enum(['answer', 'submit', 'probe', 'probe-error', 'cancel']),
    stateId: flowName,
    title: text(500),
    answer: z.union([z.string().max(80), formValues]).optional(),
    action: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be 1 to 40 lower-case letters, digits or -').optional(),
    probeEventId: z.number().int().positive().optional(),
    failure: probeFailure.optional(),
    implied: text(200).optional(),
  })
  .superRefine((step, context) => {
    const need = (field: 'answer' | 'action' | 'probeEventId' | 'failure', ok: boolean) => {
      if (!ok) context.addIssue({ code: 'custom', path: [field], message: `is required for a ${step.kind} step` });
    };
    if (step.kind === 'answer') need('answer', typeof step.answer === 'string');
    if (step.kind === 'submit') {
      need('answer', typeof step.answer === 'object');
      need('action', step.action !== undefined);
    }
    if (step.kind === 'probe') need('probeEventId', step.probeEventId !== undefined);
    if (step.kind === 'probe-error') need('failure', step.failure !== undefined);
    if (step.implied !== undefined && step.kind !== 'answer') context.addIssue({ code: 'custom', path: ['implied'], message: 'is only for an answer step' });
  });

/** `POST /api/cases/:id/runs/:runId/end`: the run reached an ending. */
export const endRunSchema = z.strictObject({ endingId: flowName, title: text(500) });

/** `POST /api/cases/:id/probes?run=&state=`: the run and state a probe belongs to, both or neither. */
export const probeRunQuerySchema = z
  .object({ run: z.uuid('must be a run id this case gave out').optional(), state: flowName.optional() })
  .refine((query) => (query.run === undefined) === (query.state === undefined), { message: 'and state go together', path: ['run'] });

/** `POST /api/cases/:id/verify`: no body, or `{}`. */
export const verifySchema = z.strictObject({});
