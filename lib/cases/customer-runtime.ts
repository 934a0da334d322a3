import 'server-only';
import { createPgRateLimitStore } from '@/lib/access/server';
import { extraTrustedOrigins, isSameOrigin } from '@/lib/auth/server';
import { getDatabase } from '@/lib/db/server';
import { requestAddresses, trustProxyFromEnv } from '@/lib/net';
import { createCustomerApi } from './customer-api';
import { unavailableAsStatus } from './runtime';

const db = async () => (await getDatabase()).db;
const trust = trustProxyFromEnv(process.env);
const trusted = extraTrustedOrigins(process.env);

/**
 * A customer answers once or twice and pastes a few outputs; the clock check asks for the time
 * about eight times. Thirty requests a minute per link leaves room for that and stops a
 * script; sixty per address lets a few colleagues behind one NAT share it.
 */
const api = createCustomerApi({
  db,
  rateLimitStore: createPgRateLimitStore(db),
  limits: { perLink: { limit: 30, windowMs: 60_000 }, perAddress: { limit: 60, windowMs: 60_000 } },
  clientAddress: (request) => requestAddresses(request, trust).client,
  sameOrigin: (request) => isSameOrigin(request, trusted),
});

/** Route handlers the app binds under `/api/c/[token]/…` (docs/customer-links.md). */
export const customerRoutes = {
  feedback: unavailableAsStatus(api.feedback),
  evidence: unavailableAsStatus(api.evidence),
  browserCheck: unavailableAsStatus(api.browserCheck),
  time: unavailableAsStatus(api.time),
};
