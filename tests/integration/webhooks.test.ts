import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createLink } from '../../lib/cases/links';
import { addNote, createCase, updateCase } from '../../lib/cases/store';
import { migrateDatabase, openDatabase, queryRows, type Database, type DatabaseConfig } from '../../lib/db/server';
import { deliverDue, startWorker, type WorkerOptions } from '../../lib/webhooks/worker';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';
import { startReceiver, waitFor, type Receiver } from '../fixtures/webhook-receiver';

const SECRET = 'test-webhook-secret-0123456789';
// Events are queued only while a webhook URL is configured; the workers below are given the receiver's URL.
process.env.FIXPATH_WEBHOOK_URL = 'http://127.0.0.1:9/not-used-by-the-workers';

let factory: DatabaseFactory;
before(async () => {
  factory = await databaseFactory('webhooks');
});
after(() => factory.stop());

interface Row {
  id: string;
  kind: string;
  status: string;
  attempts: number;
}
const deliveries = (database: Database) => queryRows<Row>(database.db, sql`select id, kind, status, attempts from webhook_deliveries order by created_at`);

async function open(config: DatabaseConfig): Promise<Database> {
  const database = await openDatabase(config);
  await migrateDatabase(database);
  return database;
}

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`the webhook on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);
    let receiver: Receiver;
    // One database for the tests that need no restart; each starts with an empty queue.
    let shared: Database;
    const emptyQueue = async () => {
      await shared.db.execute(sql`delete from webhook_deliveries`);
      return shared;
    };
    before(async () => {
      receiver = await startReceiver(SECRET);
      if (!skip()) shared = await factory.fresh(kind);
    });
    after(async () => {
      await receiver?.close();
      await shared?.close();
    });

    /** Worker options against `database` and the receiver, fast enough for a test. */
    const options = (database: Database, extra: Partial<WorkerOptions> = {}): WorkerOptions => ({
      db: async () => database.db,
      url: receiver.url,
      secret: SECRET,
      pollMs: 20,
      timeoutMs: 2_000,
      log: (line) => console.error(line),
      ...extra,
    });

    it('sends every case event once, signed, with its kind and the case, and never a note\'s text or a link\'s token', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const database = await emptyQueue();
      receiver.received.length = 0;
      receiver.respond = () => 204;
      const record = await createCase(database.db, { title: 'VPN drops every 5 minutes', ticketRef: 'T-77' }, 'user-li');
      await updateCase(database.db, record.id, { version: 1, status: 'waiting' }, 'user-li');
      await addNote(database.db, record.id, 'customer is the CEO, be careful', 'user-li');
      const link = await createLink(database.db, record.id, { slug: 'server-address-invalid', fixId: 'fill-in-server-address', lang: 'en' }, 'user-li', { days: 30 });
      assert.ok(link);
      const started = Date.now();
      while ((await deliverDue(options(database))) > 0);
      assert.deepEqual(
        receiver.received.map((item) => item.event),
        ['created', 'status', 'note', 'link-sent'],
      );
      for (const item of receiver.received) {
        assert.ok(item.signatureValid, `${item.event} carries a valid X-Fixpath-Signature`);
        assert.equal(item.body.event, item.event);
        assert.equal(item.body.delivery, item.delivery);
        assert.equal(item.body.attempt, 1);
        assert.ok(Date.parse(item.body.sentAt) >= started - 1000 && Date.parse(item.body.sentAt) <= Date.now(), 'the signed body says when it was sent');
        assert.equal(item.body.case.id, record.id);
        assert.equal(item.body.case.ticketRef, 'T-77');
      }
      const [created, status, note, sent] = receiver.received;
      assert.equal(created.body.caseEvent.payload.title, 'VPN drops every 5 minutes');
      assert.deepEqual(status.body.caseEvent.payload, { from: 'open', to: 'waiting' });
      assert.equal(status.body.case.status, 'waiting');
      assert.deepEqual(note.body.caseEvent.payload, {}, 'notes are internal');
      assert.doesNotMatch(note.raw, /CEO/);
      assert.equal(sent.body.caseEvent.payload.linkId, link.link.id);
      assert.ok(!sent.raw.includes(link.token), 'the link token never leaves the server');
      assert.deepEqual(new Set((await deliveries(database)).map((row) => row.status)), new Set(['delivered']));
    });

    it('retries after 5xx with growing waits, then delivers the same delivery', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const database = await emptyQueue();
      receiver.received.length = 0;
      receiver.respond = (n) => (n <= 3 ? 500 : 200);
      await createCase(database.db, { title: 'retry me' }, 'user-li');
      // random() = 0 gives the shortest wait of each step: base/2, base, 2×base.
      const worker = startWorker(options(database, { baseDelayMs: 300, random: () => 0 }));
      try {
        await waitFor('the fourth attempt', () => receiver.received.length >= 4);
        await waitFor('the row to be delivered', async () => (await deliveries(database))[0]?.status === 'delivered');
      } finally {
        await worker.stop();
      }
      assert.equal(receiver.received.length, 4);
      assert.deepEqual(receiver.received.map((item) => item.body.attempt), [1, 2, 3, 4]);
      assert.equal(new Set(receiver.received.map((item) => item.delivery)).size, 1, 'one delivery, retried');
      const gaps = receiver.received.slice(1).map((item, index) => item.at - receiver.received[index].at);
      [150, 300, 600].forEach((least, index) => assert.ok(gaps[index] >= least - 15, `wait ${index + 1} was ${gaps[index]} ms, at least ${least}`));
      assert.ok(gaps[2] > gaps[0], 'the waits grow');
      const [row] = await deliveries(database);
      assert.equal(row.attempts, 4);
    });

    it('marks a delivery failed after the last attempt and stops sending it', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const database = await emptyQueue();
      receiver.received.length = 0;
      receiver.respond = () => 503;
      await createCase(database.db, { title: 'receiver is down' }, 'user-li');
      const worker = startWorker(options(database, { baseDelayMs: 20, maxAttempts: 3 }));
      try {
        await waitFor('the row to fail', async () => (await deliveries(database))[0]?.status === 'failed');
        await new Promise((resolve) => setTimeout(resolve, 200));
      } finally {
        await worker.stop();
      }
      assert.equal(receiver.received.length, 3, 'three attempts, then no more');
      const [row] = await queryRows<{ attempts: number; last_status: number; last_error: string }>(database.db, sql`select attempts, last_status, last_error from webhook_deliveries`);
      assert.deepEqual(row, { attempts: 3, last_status: 503, last_error: 'HTTP 503' });
    });

    it('survives a restart: a delivery that failed before is sent by the next worker on the same database', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const config = await factory.freshConfig(kind);
      let database = await open(config);
      receiver.received.length = 0;
      receiver.respond = (n) => (n === 1 ? 500 : 200);
      await createCase(database.db, { title: 'restart' }, 'user-li');
      const first = startWorker(options(database, { baseDelayMs: 200 }));
      await waitFor('the first attempt', () => receiver.received.length === 1);
      await first.stop();
      await database.close();
      assert.equal((receiver.received[0].body as { attempt: number }).attempt, 1);
      // A new process in effect: the database is opened again and a new worker starts.
      database = await open(config);
      try {
        const second = startWorker(options(database));
        try {
          await waitFor('the retry', () => receiver.received.length === 2);
          await waitFor('the row to be delivered', async () => (await deliveries(database))[0]?.status === 'delivered');
        } finally {
          await second.stop();
        }
        assert.equal(receiver.received[1].delivery, receiver.received[0].delivery);
        assert.equal(receiver.received[1].body.attempt, 2);
      } finally {
        await database.close();
      }
    });

    if (kind === 'postgres') {
      it('two workers on one PostgreSQL deliver each event exactly once', async (t) => {
        if (skip()) return t.skip(String(skip()));
        const config = await factory.freshConfig(kind);
        const one = await open(config);
        const two = await open(config);
        try {
          receiver.received.length = 0;
          receiver.respond = () => 200;
          for (let index = 0; index < 20; index += 1) {
            const record = await createCase(one.db, { title: `case ${index}` }, 'user-li');
            await updateCase(two.db, record.id, { version: 1, status: 'waiting' }, 'user-sam');
          }
          const workers = [startWorker(options(one, { batch: 3 })), startWorker(options(two, { batch: 3 }))];
          try {
            await waitFor('every delivery', async () => (await deliveries(one)).every((row) => row.status === 'delivered'));
          } finally {
            await Promise.all(workers.map((worker) => worker.stop()));
          }
          const rows = await deliveries(one);
          assert.equal(rows.length, 40);
          assert.equal(receiver.received.length, 40, 'no delivery was sent twice');
          assert.deepEqual(new Set(receiver.received.map((item) => item.delivery)), new Set(rows.map((row) => row.id)));
          assert.ok(rows.every((row) => row.attempts === 1));
        } finally {
          await one.close();
          await two.close();
        }
      });
    }
  });
}
