import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { DatabaseUnavailableError, queryRows, tables, type Database } from '../../lib/db/server';
import { handleSetup } from '../../lib/auth/api/setup';
import { createAuthService, type AuthService } from '../../lib/auth/service';
import { issueSetupCode } from '../../lib/auth/setup';
import { authenticate, authorize, handleAuthRequest, handleMeRequest, handleSetupRequest } from '../../lib/auth/server';
import { createUser } from '../../lib/auth/users';
import { migrateDatabase, openDatabase } from '../../lib/db/server';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';
import { startTestPostgres } from '../fixtures/db/postgres-server';
import { post, sessionCookie, signIn, SITE } from '../fixtures/auth-requests';

const ROOT = path.join(import.meta.dirname, '../..');
const CODE_LINE = /^Fixpath setup code: ([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}) \(open \/setup to create the first admin\)$/m;

let factory: DatabaseFactory;
before(async () => {
  factory = await databaseFactory('auth-setup');
});
after(() => factory.stop());

function setupRequest(service: AuthService, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return handleSetup(service, new Request(`${SITE}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE, 'x-forwarded-for': '192.0.2.50', ...headers }, body: JSON.stringify(body) }));
}

const ADMIN = { email: 'Admin@Example.com', name: '李 Admin', password: 'first admin password' };

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`first run on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    let database: Database;
    let service: AuthService;
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);
    before(async () => {
      if (skip()) return;
      database = await factory.fresh(kind);
      service = createAuthService(database.db, {});
    });
    after(async () => {
      await database?.close();
    });

    it('creates the first admin with a printed setup code, signs them in, and then answers 404 with every code void', async (t) => {
      if (skip()) return t.skip(String(skip()));
      // Two instances starting at once each print a code; both work until the admin exists.
      const first = await issueSetupCode(database.db);
      const second = await issueSetupCode(database.db);
      assert.ok(first && second && first !== second);
      assert.match(`Fixpath setup code: ${first} (open /setup to create the first admin)`, CODE_LINE);
      const stored = JSON.stringify(await database.db.select().from(tables.settings));
      assert.ok(!stored.includes(first) && !stored.includes(first.replace(/-/g, '')), 'only a hash of the code is stored');

      const wrong = await setupRequest(service, { ...ADMIN, code: 'AAAA-BBBB-CCCC' });
      assert.equal(wrong.status, 401);
      assert.equal((await wrong.json()).error.code, 'INVALID_SETUP_CODE');
      const crossSite = await setupRequest(service, { ...ADMIN, code: first }, { origin: 'https://evil.example' });
      assert.equal(crossSite.status, 403);
      const missing = await setupRequest(service, { code: first, password: ADMIN.password });
      assert.equal(missing.status, 400);
      assert.equal((await missing.json()).error.field, 'email');
      const short = await setupRequest(service, { ...ADMIN, code: first, password: 'short' });
      assert.equal(short.status, 400);
      assert.equal((await short.json()).error.field, 'password');
      assert.deepEqual(await database.db.select().from(tables.users), [], 'nothing was created by the refused attempts');

      // Typed in lower case with spaces: still the code.
      const created = await setupRequest(service, { ...ADMIN, code: ` ${second.toLowerCase().replace(/-/g, ' ')} ` });
      assert.equal(created.status, 201);
      const body = await created.json();
      assert.equal(body.user.role, 'admin');
      assert.equal(body.user.email, 'admin@example.com');
      const identity = await service.identify(new Request(`${SITE}/api/me`, { headers: { cookie: sessionCookie(created) } }));
      assert.ok(identity && 'caller' in identity);
      assert.equal(identity.caller.user.name, '李 Admin');
      assert.equal(identity.caller.user.role, 'admin');

      const again = await setupRequest(service, { ...ADMIN, email: 'second@example.com', code: first });
      assert.equal(again.status, 404);
      assert.equal(await issueSetupCode(database.db), null, 'no code is printed once someone can sign in');
      assert.deepEqual(await database.db.select().from(tables.settings).where(sql`${tables.settings.key} like 'setup.%'`), []);
      const audit = await queryRows<{ kind: string; address: string }>(database.db, sql`select kind, address from audit_events where kind like 'setup%' order by id`);
      assert.deepEqual(
        audit.map((row) => row.kind),
        ['setup-failed', 'setup', 'setup-failed'],
      );
      assert.ok(audit.every((row) => row.address === '192.0.2.50'));
    });

    it('two setups racing with the same code create one admin', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const raced = await factory.fresh(kind);
      try {
        const racing = createAuthService(raced.db, {});
        const code = await issueSetupCode(raced.db);
        const answers = await Promise.all([
          setupRequest(racing, { ...ADMIN, code }),
          setupRequest(racing, { ...ADMIN, email: 'other@example.com', code }),
        ]);
        assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 404]);
        assert.equal((await raced.db.select().from(tables.users)).length, 1);
      } finally {
        await raced.close();
      }
    });
  });
}

describe('starting the server', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'fixpath-start-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', "const { register } = await import('./instrumentation.ts'); await register(); process.exit(0);"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_RUNTIME: 'nodejs', DATABASE_URL: '', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('migrates a fresh data directory and prints a setup code to stdout', () => {
    const run = start({ FIXPATH_DATA_DIR: path.join(scratch, 'fresh') });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, CODE_LINE);
    assert.match(run.stdout, /schema up to date/);
  });

  it('an unusable data directory stops the start with a message naming it', () => {
    const file = path.join(scratch, 'a-file');
    writeFileSync(file, '');
    const dataDir = path.join(file, 'data');
    const run = start({ FIXPATH_DATA_DIR: dataDir });
    assert.equal(run.status, 1);
    assert.ok(run.stderr.includes(`Fixpath cannot start: Cannot use the data directory ${dataDir}`), run.stderr);
  });

  it('with the database down, every auth endpoint answers 503 UNAVAILABLE at once', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://fixpath@127.0.0.1:1/fixpath';
    try {
      const started = performance.now();
      const responses = [
        await handleAuthRequest(new Request(`${SITE}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body: '{}' })),
        await handleSetupRequest(new Request(`${SITE}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body: '{}' })),
        await handleMeRequest(new Request(`${SITE}/api/me`)),
      ];
      const guarded = await authorize(new Request(`${SITE}/api/cases`), 'agent');
      assert.ok(!guarded.ok);
      responses.push(guarded.response);
      for (const response of responses) {
        assert.equal(response.status, 503);
        assert.equal((await response.json()).error.code, 'UNAVAILABLE');
      }
      await assert.rejects(authenticate(new Request(`${SITE}/api/cases`)), DatabaseUnavailableError, 'an outage is never a 401');
      assert.ok(performance.now() - started < 5_000);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});

describe('a PostgreSQL server that stops while Fixpath runs', () => {
  it('sign-in answers 503 UNAVAILABLE and authenticating rejects as unavailable, at once', async (t) => {
    const server = await startTestPostgres();
    if ('skip' in server) return t.skip(server.skip);
    let stopped = false;
    const database = await openDatabase({ kind: 'postgres', url: server.url });
    try {
      await migrateDatabase(database);
      const service = createAuthService(database.db, {});
      await createUser(database.db, { email: 'li@example.com', name: 'Li', role: 'agent', password: 'correct horse battery' });
      const cookie = await signIn(service, 'li@example.com', 'correct horse battery');
      server.stop();
      stopped = true;
      const started = performance.now();
      const response = await post(service, '/api/auth/sign-in/email', { email: 'li@example.com', password: 'correct horse battery' });
      assert.equal(response.status, 503);
      assert.equal((await response.json()).error.code, 'UNAVAILABLE');
      await assert.rejects(service.identify(new Request(`${SITE}/api/me`, { headers: { cookie } })), DatabaseUnavailableError);
      assert.ok(performance.now() - started < 5_000);
    } finally {
      await database.close().catch(() => {});
      if (!stopped) server.stop();
    }
  });
});
