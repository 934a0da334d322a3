/**
 * Two production servers (`next start` on the last `npm run build`) on different loopback
 * ports, sharing one PostgreSQL, behave as one: what one writes the other reads, a stale
 * version is refused across them, and the webhook workers of both deliver each event once.
 * Run by `npm run test:instances` (part of `npm test`, after the build).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createToken } from '../../lib/auth/tokens';
import { createUser } from '../../lib/auth/users';
import { migrateDatabase, openDatabase, queryRows } from '../../lib/db/server';
import { freePort, startTestPostgres, type TestPostgres } from '../fixtures/db/postgres-server';
import { startInstance, stopInstance, type Instance } from '../fixtures/next-server';
import { startReceiver, waitFor, type Receiver } from '../fixtures/webhook-receiver';

const ROOT = path.join(import.meta.dirname, '../..');
const DIST = process.env.NEXT_DIST_DIR || '.next';
const SECRET = 'two-instances-webhook-secret';

describe('two instances sharing one PostgreSQL', () => {
  let postgres: TestPostgres | { skip: string };
  let databaseUrl: string;
  let token: string;
  let receiver: Receiver;
  const instances: Instance[] = [];
  const skip = () => ('skip' in postgres ? postgres.skip : false);

  before(async () => {
    if (!existsSync(path.join(ROOT, DIST, 'BUILD_ID'))) throw new Error(`no production build in ${DIST}/: run npm run build first`);
    postgres = await startTestPostgres();
    if ('skip' in postgres) return;
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    const name = `fixpath_instances_${process.pid}`;
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(postgres.url);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    // The person and personal token the user CLI would make (`user add`, `user token`), made before either server starts.
    const database = await openDatabase({ kind: 'postgres', url: databaseUrl });
    await migrateDatabase(database);
    const user = await createUser(database.db, { email: 'li.wei@example.com', name: 'Li Wei', role: 'agent', password: 'correct horse battery' });
    token = (await createToken(database.db, user.id, 'two-instances')).token;
    await database.close();
    receiver = await startReceiver(SECRET);
    // A small per-user probe limit, so the test can spend it; probes go to a closed loopback port.
    const env = { DATABASE_URL: databaseUrl, FIXPATH_WEBHOOK_URL: receiver.url, FIXPATH_WEBHOOK_SECRET: SECRET, PROBE_RATE_LIMIT: '5/60s', PROBE_ALLOW: '127.0.0.1/32' };
    instances.push(...(await Promise.all([startInstance(env), startInstance(env)])));
  });
  after(async () => {
    await Promise.all(instances.map(stopInstance));
    await receiver?.close();
    if (postgres && 'stop' in postgres) postgres.stop();
  });

  /** A JSON call to one instance as Li Wei. */
  async function call(instance: Instance, method: string, route: string, body?: unknown) {
    const response = await fetch(`${instance.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (response.status === 204 ? null : await response.json()) as Record<string, any> };
  }

  it('a case written through one is read and changed through the other; a stale version gets 409 across them', async (t) => {
    if (skip()) return t.skip(String(skip()));
    const [one, two] = instances;
    const created = await call(one, 'POST', '/api/cases', { title: 'Shop app cannot reach api.example.com', ticketRef: 'T-2001', target: { host: 'api.example.com', port: 443 } });
    assert.equal(created.status, 201);
    const read = await call(two, 'GET', `/api/cases/${created.body.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.ticketRef, 'T-2001');
    const patched = await call(two, 'PATCH', `/api/cases/${created.body.id}`, { version: 1, status: 'waiting' });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.version, 2);
    const stale = await call(one, 'PATCH', `/api/cases/${created.body.id}`, { version: 1, title: 'lost update' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.currentVersion, 2);
    assert.equal((await call(one, 'GET', `/api/cases/${created.body.id}`)).body.status, 'waiting');
  });

  it('each case event reaches the webhook exactly once, signed, although both instances run a worker', async (t) => {
    if (skip()) return t.skip(String(skip()));
    for (const instance of instances) assert.match(instance.output(), /delivering case events to http:\/\/127\.0\.0\.1/);
    // Events written through both instances, while both workers poll the one queue.
    for (let index = 0; index < 6; index += 1) {
      const through = instances[index % 2];
      const created = await call(through, 'POST', '/api/cases', { title: `webhook case ${index}` });
      await call(instances[(index + 1) % 2], 'POST', `/api/cases/${created.body.id}/notes`, { text: `internal note ${index}` });
    }
    const database = await openDatabase({ kind: 'postgres', url: databaseUrl });
    try {
      const rows = () => queryRows<{ id: string; status: string }>(database.db, sql`select id, status from webhook_deliveries`);
      await waitFor('every delivery', async () => (await rows()).every((row) => row.status === 'delivered'), 30_000);
      // Longer than both workers' poll interval: a duplicate would have arrived by now.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const all = await rows();
      // 1 created + 1 status from the first test, then 6 × (created + note).
      assert.equal(all.length, 14);
      assert.equal(receiver.received.length, all.length, 'no event was delivered twice');
      assert.deepEqual(new Set(receiver.received.map((item) => item.delivery)), new Set(all.map((row) => row.id)));
      assert.ok(receiver.received.every((item) => item.signatureValid), 'every signature verifies');
      assert.ok(receiver.received.every((item) => !item.raw.includes('internal note')), 'note text stays inside');
    } finally {
      await database.close();
    }
  });

  it('rate limits are shared: a per-user limit spent through one instance holds through the other', async (t) => {
    if (skip()) return t.skip(String(skip()));
    const [one, two] = instances;
    const port = await freePort();
    const probe = { type: 'tcp', host: '127.0.0.1', port, timeoutMs: 1000 };
    const codes: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const answer = await call(index % 2 === 0 ? one : two, 'POST', '/api/probe', probe);
      assert.equal(answer.status, 200);
      codes.push(answer.body.code);
    }
    assert.deepEqual(new Set(codes), new Set(['TCP_REFUSED']));
    for (const instance of [one, two]) {
      const refused = await call(instance, 'POST', '/api/probe', probe);
      assert.equal(refused.status, 429);
      assert.equal(refused.body.error.code, 'RATE_LIMITED');
    }
  });

  it('refuses to start when FIXPATH_WEBHOOK_URL is set without FIXPATH_WEBHOOK_SECRET, naming it', async (t) => {
    if (skip()) return t.skip(String(skip()));
    await assert.rejects(startInstance({ DATABASE_URL: databaseUrl, FIXPATH_WEBHOOK_URL: receiver.url, FIXPATH_WEBHOOK_SECRET: '' }), (error: Error) => {
      assert.match(error.message, /next start exited \(1\)/);
      assert.match(error.message, /FIXPATH_WEBHOOK_SECRET is not set/);
      return true;
    });
  });
});
