import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPgRateLimitStore } from '../../lib/access/server';
import { isSameOrigin } from '../../lib/auth/same-origin';
import { createUser } from '../../lib/auth/users';
import { createCustomerApi, type CustomerApiDeps } from '../../lib/cases/customer-api';
import { createLink, revokeLink } from '../../lib/cases/links';
import { createCase, getCase } from '../../lib/cases/store';
import { tables, type Database } from '../../lib/db/server';
import { requestAddresses, trustProxyFromEnv } from '../../lib/net';
import { jsonOf as json, SITE } from '../fixtures/auth-requests';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';

let factory: DatabaseFactory;
before(async () => {
  factory = await databaseFactory('customer-api');
});
after(() => factory.stop());

const DAY = 86_400_000;
const CUSTOMER_FIX = { slug: 'server-address-invalid', fixId: 'fill-in-server-address' };
const CURL_OUTPUT = `  % Total    % Received
*   Trying 127.0.0.1:8443...
* connect to 127.0.0.1 port 8443 failed: Connection refused
* Failed to connect to 127.0.0.1 port 8443 after 0 ms: Couldn't connect to server
* Closing connection 0
curl: (7) Failed to connect to 127.0.0.1 port 8443 after 0 ms: Couldn't connect to server
<script>alert(1)</script>`;

/** A request as the customer page sends it: same origin, JSON, from 192.0.2.10 unless `headers` say otherwise. */
function customerRequest(token: string, endpoint: string, body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${SITE}/api/c/${token}/${endpoint}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json', origin: SITE }), 'x-forwarded-for': '192.0.2.10', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

const VALID_CHECK = {
  clock: { offsetMs: -1200, roundTripMs: 35 },
  client: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0', browser: 'Chrome 140', os: 'Windows', timeZone: 'Asia/Shanghai', languages: ['zh-CN', 'en'] },
  checks: [
    { kind: 'https', url: 'https://api.example.com:8443/', outcome: 'reached', elapsedMs: 180 },
    { kind: 'wss', url: 'wss://api.example.com:8443/', outcome: 'timeout', elapsedMs: 30_000 },
  ],
};

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`customer endpoints on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);
    let database: Database;
    let agent: string;
    let caseId: string;
    let api: ReturnType<typeof createCustomerApi>;

    const apiWith = (overrides: Partial<CustomerApiDeps> = {}) =>
      createCustomerApi({
        db: async () => database.db,
        rateLimitStore: createPgRateLimitStore(async () => database.db),
        limits: { perLink: null, perAddress: null },
        clientAddress: (request) => requestAddresses(request, trustProxyFromEnv({})).client,
        sameOrigin: (request) => isSameOrigin(request),
        ...overrides,
      });
    const newLink = async (options: { resolveOnFixed?: boolean; days?: number; now?: Date; lang?: 'zh' | 'en'; caseId?: string } = {}) => {
      const created = await createLink(database.db, options.caseId ?? caseId, { ...CUSTOMER_FIX, lang: options.lang ?? 'zh', resolveOnFixed: options.resolveOnFixed }, agent, { days: options.days ?? 30, now: options.now });
      assert.ok(created);
      return created;
    };
    const events = async (id = caseId) => (await getCase(database.db, id))!.timeline;

    before(async () => {
      if (skip()) return;
      database = await factory.fresh(kind);
      agent = (await createUser(database.db, { email: 'li@example.com', name: 'Li', role: 'agent', password: 'correct horse battery' })).id;
      caseId = (await createCase(database.db, { title: 'Client cannot connect', target: { host: 'api.example.com', port: 8443 }, lang: 'zh' }, agent)).id;
      api = apiWith();
    });
    after(async () => {
      await database?.close();
    });

    it('answers 404 for an unknown or malformed token and 410 for a revoked or expired link, saying nothing about the case', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const revoked = await newLink();
      await revokeLink(database.db, caseId, revoked.link.id, agent);
      const expired = await newLink({ days: 1, now: new Date(Date.now() - 2 * DAY) });
      const bodies: string[] = [];
      for (const [token, status] of [['A'.repeat(32), 404], ['../../etc/passwd', 404], [revoked.token, 410], [expired.token, 410]] as const) {
        for (const endpoint of ['feedback', 'evidence', 'browser-check'] as const) {
          const response = await api[endpoint === 'browser-check' ? 'browserCheck' : endpoint](customerRequest(token, endpoint, { outcome: 'fixed' }), token);
          assert.equal(response.status, status, `${endpoint} with ${token}`);
          bodies.push(await response.text());
        }
        assert.equal((await api.time(customerRequest(token, 'time'), token)).status, status);
      }
      for (const body of bodies) assert.ok(!/api\.example|Client cannot|case/i.test(body), `no case detail in ${body}`);
      assert.equal(new Set(bodies.slice(6)).size, 1, 'revoked and expired answer the same words');
      assert.ok(!(await events()).some((event) => ['feedback', 'link-opened'].includes(event.kind)), 'nothing recorded, and no endpoint counts as opening the link');
    });

    it('records feedback: a later answer supersedes, "fixed" only records on a plain link, the version stays', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { token, link } = await newLink();
      const first = await json(await api.feedback(customerRequest(token, 'feedback', { outcome: 'not-yet' }), token));
      assert.equal(first.status, 201);
      assert.equal(first.body.resolved, false);
      const second = await json(await api.feedback(customerRequest(token, 'feedback', { outcome: 'fixed', comment: '  works again, thanks  ', lang: 'en' }), token));
      assert.equal(second.status, 201);
      const feedback = (await events()).filter((event) => event.kind === 'feedback');
      assert.deepEqual(
        feedback.map((event) => [event.actor, event.payload]),
        [
          ['customer', { linkId: link.id, slug: CUSTOMER_FIX.slug, fixId: CUSTOMER_FIX.fixId, lang: 'zh', outcome: 'not-yet' }],
          ['customer', { linkId: link.id, slug: CUSTOMER_FIX.slug, fixId: CUSTOMER_FIX.fixId, lang: 'en', outcome: 'fixed', comment: 'works again, thanks' }],
        ],
      );
      const current = (await getCase(database.db, caseId))!;
      assert.equal(current.status, 'open', 'without resolveOnFixed the answer only records');
      assert.equal(current.version, 1);
    });

    it('with resolveOnFixed, "fixed" resolves an open case in the same step: status event, version bumped; once only', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const id = (await createCase(database.db, { title: 'Resolve on fixed' }, agent)).id;
      const { token, link } = await newLink({ caseId: id, resolveOnFixed: true });
      assert.equal((await api.feedback(customerRequest(token, 'feedback', { outcome: 'not-fixed' }), token)).status, 201);
      assert.equal((await getCase(database.db, id))!.status, 'open', '"not fixed" never resolves');
      // With a webhook configured, the answer and the status it caused are queued in the same step.
      process.env.FIXPATH_WEBHOOK_URL = 'http://127.0.0.1:9/hooks';
      let fixed;
      try {
        fixed = await json(await api.feedback(customerRequest(token, 'feedback', { outcome: 'fixed' }), token));
      } finally {
        delete process.env.FIXPATH_WEBHOOK_URL;
      }
      assert.equal(fixed.body.resolved, true);
      const queued = await database.db.select().from(tables.webhookDeliveries).orderBy(tables.webhookDeliveries.seq);
      assert.deepEqual(queued.map((row) => row.kind), ['feedback', 'status']);
      assert.deepEqual((queued[1].payload as { case: { status: string; version: number } }).case, { ...(queued[1].payload as { case: object }).case, status: 'resolved', version: 2 });
      const resolved = (await getCase(database.db, id))!;
      assert.equal(resolved.status, 'resolved');
      assert.equal(resolved.version, 2);
      const statusEvents = resolved.timeline.filter((event) => event.kind === 'status');
      assert.deepEqual(statusEvents.map((event) => [event.actor, event.payload]), [['customer', { from: 'open', to: 'resolved', reason: 'customer-fixed', linkId: link.id }]]);
      const again = await json(await api.feedback(customerRequest(token, 'feedback', { outcome: 'fixed' }), token));
      assert.equal(again.body.resolved, false, 'a resolved case is not resolved again');
      assert.equal((await getCase(database.db, id))!.version, 2);
    });

    it('refuses bad feedback naming the field', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { token } = await newLink();
      for (const [body, field] of [
        [{ outcome: 'maybe' }, 'outcome'],
        [{ outcome: 'fixed', comment: 'x'.repeat(2001) }, 'comment'],
        [{ outcome: 'fixed', caseId }, 'caseId'],
        [{}, 'outcome'],
      ] as const) {
        const response = await json(await api.feedback(customerRequest(token, 'feedback', body), token));
        assert.equal(response.status, 400, JSON.stringify(body).slice(0, 80));
        assert.equal(response.body.error.field, field);
      }
    });

    it('stores pasted output as text with what the parser read', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { token, link } = await newLink();
      const response = await json(await api.evidence(customerRequest(token, 'evidence', { text: CURL_OUTPUT }), token));
      assert.equal(response.status, 201);
      assert.deepEqual(response.body.parsed.findings.map((finding: { code: string }) => finding.code), ['TCP_REFUSED'], 'the parser read the refusal');
      const [evidence] = (await events()).filter((event) => event.kind === 'evidence');
      assert.equal(evidence.actor, 'customer');
      assert.equal(evidence.payload.text, CURL_OUTPUT, 'the text exactly as pasted, markup included');
      assert.equal(evidence.payload.source, 'customer');
      assert.equal(evidence.payload.linkId, link.id);
      assert.deepEqual(evidence.payload.parsed, response.body.parsed);
      assert.equal((await json(await api.evidence(customerRequest(token, 'evidence', { text: '   ' }), token))).body.error.field, 'text');
    });

    it('stores a browser check with the server time and the address it came from; refuses bad fields by name', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { token, link } = await newLink();
      const before = Date.now();
      const stored = await json(await api.browserCheck(customerRequest(token, 'browser-check', VALID_CHECK), token));
      assert.equal(stored.status, 201);
      assert.deepEqual(stored.body.seenFrom, { address: '192.0.2.10', family: 4 });
      const v6 = await json(await api.browserCheck(customerRequest(token, 'browser-check', { ...VALID_CHECK, clock: null }, { 'x-forwarded-for': '2001:db8::7' }), token));
      assert.deepEqual(v6.body.seenFrom, { address: '2001:db8::7', family: 6 });
      const checks = (await events()).filter((event) => event.kind === 'browser-check');
      assert.equal(checks.length, 2);
      const { receivedAt, ...rest } = checks[0].payload as { receivedAt: string };
      assert.ok(Date.parse(receivedAt) >= before && Date.parse(receivedAt) <= Date.now());
      assert.deepEqual(rest, { linkId: link.id, seenFrom: { address: '192.0.2.10', family: 4 }, ...VALID_CHECK });
      assert.equal(checks[0].actor, 'customer');
      const bad: Array<[unknown, string]> = [
        [{ ...VALID_CHECK, checks: [{ ...VALID_CHECK.checks[0], outcome: 'maybe' }] }, 'checks.0.outcome'],
        [{ ...VALID_CHECK, checks: [{ ...VALID_CHECK.checks[0], url: 'javascript:alert(1)' }] }, 'checks.0.url'],
        [{ ...VALID_CHECK, client: { ...VALID_CHECK.client, languages: Array.from({ length: 21 }, () => 'en') } }, 'client.languages'],
        [{ ...VALID_CHECK, client: { ...VALID_CHECK.client, userAgent: 'x'.repeat(513) } }, 'client.userAgent'],
        [{ ...VALID_CHECK, clock: { offsetMs: 'soon', roundTripMs: 1 } }, 'clock.offsetMs'],
        [{ ...VALID_CHECK, seenFrom: { address: '1.1.1.1', family: 4 } }, 'seenFrom'],
        [{ ...VALID_CHECK, checks: Array.from({ length: 5 }, () => VALID_CHECK.checks[0]) }, 'checks'],
      ];
      for (const [body, field] of bad) {
        const response = await json(await api.browserCheck(customerRequest(token, 'browser-check', body), token));
        assert.equal(response.status, 400, field);
        assert.equal(response.body.error.field, field);
      }
      assert.equal((await events()).filter((event) => event.kind === 'browser-check').length, 2, 'refusals store nothing');
    });

    it('limits per link and per address in the shared buckets: 429 with Retry-After', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const limitedApi = apiWith({ limits: { perLink: { limit: 3, windowMs: 60_000 }, perAddress: { limit: 5, windowMs: 60_000 } } });
      const one = await newLink();
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await limitedApi.time(customerRequest(one.token, 'time', undefined, { 'x-forwarded-for': '198.51.100.1' }), one.token)).status);
      assert.deepEqual(statuses, [200, 200, 200, 429], 'the link\'s limit, from one address');
      const refused = await limitedApi.feedback(customerRequest(one.token, 'feedback', { outcome: 'fixed' }, { 'x-forwarded-for': '198.51.100.2' }), one.token);
      assert.equal(refused.status, 429, 'the link stays limited from another address');
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      // Another link from the first address: that address has spent 4 of its 5.
      const two = await newLink();
      const fromFirst = [];
      for (let i = 0; i < 2; i += 1) fromFirst.push((await limitedApi.time(customerRequest(two.token, 'time', undefined, { 'x-forwarded-for': '198.51.100.1' }), two.token)).status);
      assert.deepEqual(fromFirst, [200, 429], 'the address\'s limit spans links');
      // Unknown tokens count against the address too, so guessing is limited.
      const guesses = [];
      for (let i = 0; i < 6; i += 1) guesses.push((await limitedApi.time(customerRequest('B'.repeat(32), 'time', undefined, { 'x-forwarded-for': '198.51.100.3' }), 'B'.repeat(32))).status);
      assert.deepEqual(guesses, [404, 404, 404, 404, 404, 429]);
    });

    it('caps bodies (413), needs JSON (415) and this site as the origin (403)', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { token } = await newLink();
      const big = await json(await api.evidence(customerRequest(token, 'evidence', { text: 'x'.repeat(400 * 1024) }), token));
      assert.equal(big.status, 413);
      assert.equal(big.body.error.field, 'body');
      assert.equal((await api.feedback(customerRequest(token, 'feedback', { outcome: 'fixed', comment: 'x'.repeat(17 * 1024) }), token)).status, 413);
      assert.equal((await api.evidence(customerRequest(token, 'evidence', { text: 'x'.repeat(60_001) }), token)).status, 400, 'past the character limit but under the byte cap');
      assert.equal((await api.feedback(customerRequest(token, 'feedback', 'outcome=fixed', { 'content-type': 'application/x-www-form-urlencoded' }), token)).status, 415);
      for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { origin: '' }]) {
        const response = await json(await api.feedback(customerRequest(token, 'feedback', { outcome: 'fixed' }, headers), token));
        assert.equal(response.status, 403, JSON.stringify(headers));
        assert.equal(response.body.error.code, 'FORBIDDEN');
      }
      assert.equal((await api.browserCheck(customerRequest(token, 'browser-check', VALID_CHECK, { origin: 'https://evil.example' }), token)).status, 403);
      assert.equal((await events()).filter((event) => event.kind === 'feedback' && event.payload.comment?.toString().startsWith('xxx')).length, 0);
    });

    it('tells the time: the server clock in epoch milliseconds, uncached', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { token } = await newLink();
      const before = Date.now();
      const response = await api.time(customerRequest(token, 'time'), token);
      const body = (await response.json()) as { now: number };
      assert.ok(body.now >= before && body.now <= Date.now());
      assert.equal(response.headers.get('cache-control'), 'no-store');
    });
  });
}
