import 'server-only';
import ipaddr from 'ipaddr.js';
import type { FixpathDb } from '@/lib/db/server';
import { errorResponse, jsonResponse, readValidJson } from '@/lib/http/server';
import type { Locale } from '@/lib/i18n';
import { rateLimitKey } from '@/lib/net';
import type { RateLimitRule, RateLimitStore } from '@/lib/probes/server';
import { browserCheckSchema, evidenceSchema, feedbackSchema } from './customer-contract';
import { recordBrowserCheck, recordCustomerEvidence, recordFeedback, type SeenFrom } from './customer-store';
import { resolveCustomerLink, type LinkRecord } from './links';

/** What the public customer endpoints need. */
export interface CustomerApiDeps {
  db: () => Promise<FixpathDb>;
  /** Buckets shared by every instance (PostgreSQL), so a limit holds behind a load balancer. */
  rateLimitStore: RateLimitStore;
  /** Per link and per client address; null turns that limit off. */
  limits: { perLink: RateLimitRule | null; perAddress: RateLimitRule | null };
  /** The client address per TRUST_PROXY. */
  clientAddress: (request: Request) => string;
  /** Whether a state-changing request comes from this site (Origin, else Referer). */
  sameOrigin: (request: Request) => boolean;
  now?: () => Date;
}

/** Largest body of feedback and the browser check. */
const SMALL_BODY_BYTES = 16 * 1024;
/** Largest body of pasted output: 60 000 characters, each up to 6 bytes once JSON-escaped. */
const EVIDENCE_BODY_BYTES = 384 * 1024;

/** The same words for every refusal of a link, so an error never tells one case from another. */
const unknownLink = () => errorResponse(404, 'NOT_FOUND', 'no such link');
const goneLink = () => errorResponse(410, 'GONE', 'this link is no longer open; ask your support contact for a new one');

/** Where Fixpath saw a client: the address (IPv4-mapped IPv6 as the IPv4 it is) and its family. */
function seenFromOf(address: string): SeenFrom {
  try {
    const parsed = ipaddr.process(address);
    return { address: parsed.toString(), family: parsed.kind() === 'ipv6' ? 6 : 4 };
  } catch {
    return { address, family: address.includes(':') ? 6 : 4 };
  }
}

/**
 * The public endpoints behind a customer link (docs/customer-links.md): `feedback`,
 * `evidence` and `browserCheck` (POST, same origin, JSON) and `time` (GET, for the clock
 * check). Each is limited per client address (checked first, so guessing tokens costs the
 * guesser) and per link, answers 404 for an unknown token and 410 for a revoked or expired
 * one, and never says anything about the case in an error.
 */
export function createCustomerApi(deps: CustomerApiDeps) {
  const now = deps.now ?? (() => new Date());

  async function limited(key: string, rule: RateLimitRule | null): Promise<Response | null> {
    if (!rule) return null;
    const decision = await deps.rateLimitStore.consume(key, rule);
    if (decision.allowed) return null;
    return errorResponse(429, 'RATE_LIMITED', `too many requests; try again in ${decision.retryAfterSeconds} s`, {}, { 'retry-after': String(decision.retryAfterSeconds) });
  }

  type Work = (request: Request, db: FixpathDb, link: LinkRecord) => Promise<Response>;

  /** Origin, the address's limit, the token, the link's limit, in that order; then `work`. */
  function guarded(work: Work, { write }: { write: boolean }) {
    return async (request: Request, token: string): Promise<Response> => {
      if (write && !deps.sameOrigin(request)) return errorResponse(403, 'FORBIDDEN', 'cross-origin request refused');
      const byAddress = await limited(`customer-address:${rateLimitKey(deps.clientAddress(request))}`, deps.limits.perAddress);
      if (byAddress) return byAddress;
      const db = await deps.db();
      // Reading a link is not opening it: only the page records the first opening.
      const resolved = await resolveCustomerLink(db, token, now(), { record: false });
      if (!resolved.ok) return resolved.reason === 'unknown' ? unknownLink() : goneLink();
      const byLink = await limited(`customer-link:${resolved.link.id}`, deps.limits.perLink);
      if (byLink) return byLink;
      return work(request, db, resolved.link);
    };
  }

  return {
    /** `POST /api/c/<token>/feedback` `{outcome, comment?, lang?}`: 201 `{at, outcome, resolved}`. */
    feedback: guarded(
      async (request, db, link) => {
        const input = await readValidJson(request, feedbackSchema, SMALL_BODY_BYTES);
        if (!input.ok) return input.response;
        const lang: Locale = input.value.lang ?? link.lang;
        const recorded = await recordFeedback(db, link, { outcome: input.value.outcome, comment: input.value.comment || undefined, lang });
        if (!recorded) return unknownLink();
        return jsonResponse(201, { at: recorded.event.at, outcome: input.value.outcome, comment: input.value.comment ?? '', resolved: recorded.resolved });
      },
      { write: true },
    ),
    /** `POST /api/c/<token>/evidence` `{text}`: 201 `{at, parsed}`. */
    evidence: guarded(
      async (request, db, link) => {
        const input = await readValidJson(request, evidenceSchema, EVIDENCE_BODY_BYTES);
        if (!input.ok) return input.response;
        const event = await recordCustomerEvidence(db, link, input.value.text);
        if (!event) return unknownLink();
        return jsonResponse(201, { at: event.at, parsed: event.payload.parsed });
      },
      { write: true },
    ),
    /** `POST /api/c/<token>/browser-check` (docs/customer-links.md): 201 `{at, receivedAt, seenFrom}`. */
    browserCheck: guarded(
      async (request, db, link) => {
        const input = await readValidJson(request, browserCheckSchema, SMALL_BODY_BYTES);
        if (!input.ok) return input.response;
        const receivedAt = now();
        const seenFrom = seenFromOf(deps.clientAddress(request));
        const event = await recordBrowserCheck(db, link, input.value, seenFrom, receivedAt);
        if (!event) return unknownLink();
        return jsonResponse(201, { at: event.at, receivedAt: receivedAt.toISOString(), seenFrom });
      },
      { write: true },
    ),
    /** `GET /api/c/<token>/time`: the server's clock, `{now}` in epoch milliseconds, for the browser's offset. */
    time: guarded(async () => jsonResponse(200, { now: now().getTime() }), { write: false }),
  };
}
