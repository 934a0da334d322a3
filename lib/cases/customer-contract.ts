import { z } from 'zod';
import { LOCALES } from '@/lib/i18n';

/** The customer's answer to "did this fix it?". */
export const FEEDBACK_OUTCOMES = ['fixed', 'not-fixed', 'not-yet'] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

/** Longest comment with an answer, in characters. */
export const MAX_COMMENT_CHARS = 2000;
/** Longest paste, in characters (the parser reads up to 100 000; a paste this long is already a whole log). */
export const MAX_EVIDENCE_CHARS = 60_000;

/** `POST /api/c/<token>/feedback`. */
export const feedbackSchema = z.strictObject({
  outcome: z.enum(FEEDBACK_OUTCOMES, 'must be fixed, not-fixed or not-yet'),
  comment: z.string().trim().max(MAX_COMMENT_CHARS, `must be at most ${MAX_COMMENT_CHARS} characters`).optional(),
  /** The language the customer read the page in (default: the link's). */
  lang: z.enum(LOCALES).optional(),
});

/** `POST /api/c/<token>/evidence`. */
export const evidenceSchema = z.strictObject({
  // Kept exactly as pasted (leading spaces are part of the output); only all-blank text is refused.
  text: z
    .string()
    .max(MAX_EVIDENCE_CHARS, `must be at most ${MAX_EVIDENCE_CHARS} characters`)
    .refine((text) => text.trim().length > 0, 'must not be empty'),
});

/** What the browser may say it checked, and how it ended (docs/customer-links.md#check-from-my-computer). */
const CHECK_KINDS = ['https', 'wss'] as const;
const CHECK_OUTCOMES = ['reached', 'failed', 'timeout', 'skipped'] as const;
const SKIP_REASONS = ['mixed-content', 'private-address', 'no-target', 'declined'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
export type SkipReason = (typeof SKIP_REASONS)[number];

const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`);
/** Ten years: a browser clock further off is broken rather than skewed; still recorded, but the number stays bounded. */
const BOUND_MS = 10 * 365 * 86_400_000;

/** One connection the browser tried (or said it could not try). */
const checkSchema = z.strictObject({
  kind: z.enum(CHECK_KINDS),
  /** Empty when the case has no target (`no-target`). */
  url: shortText(2048).regex(/^$|^(https|wss|http|ws):\/\//, 'must be an http(s) or ws(s) URL'),
  outcome: z.enum(CHECK_OUTCOMES),
  elapsedMs: z.number().int().min(0).max(600_000).optional(),
  reason: z.enum(SKIP_REASONS).optional(),
});

/**
 * `POST /api/c/<token>/browser-check`: what the customer's browser measured. The server adds
 * `linkId`, `receivedAt` and `seenFrom`; nothing here is trusted beyond its shape and bounds.
 */
export const browserCheckSchema = z.strictObject({
  clock: z
    .strictObject({
      offsetMs: z.number().int().min(-BOUND_MS).max(BOUND_MS),
      roundTripMs: z.number().int().min(0).max(600_000),
    })
    .nullable(),
  client: z.strictObject({
    userAgent: shortText(512),
    browser: shortText(100).optional(),
    os: shortText(100).optional(),
    timeZone: shortText(100).optional(),
    languages: z.array(shortText(35)).max(20, 'must list at most 20 languages'),
  }),
  checks: z.array(checkSchema).max(4, 'must hold at most 4 checks'),
});

export type BrowserCheckInput = z.infer<typeof browserCheckSchema>;

/**
 * What the browser check may try, decided by the server from the case's target: a URL per
 * kind, or why it is skipped before anything connects.
 */
export type CheckPlan = Array<{ kind: CheckKind; url: string } & ({ run: true } | { run: false; reason: SkipReason })>;
