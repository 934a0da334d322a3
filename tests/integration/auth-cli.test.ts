import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase, queryRows, type DatabaseConfig } from '../../lib/db/server';
import { createAuthService } from '../../lib/auth/service';
import { sql } from 'drizzle-orm';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';
import { signIn, SITE } from '../fixtures/auth-requests';

const ROOT = path.join(import.meta.dirname, '../..');

let factory: DatabaseFactory;
before(async () => {
  factory = await databaseFactory('auth-cli');
});
after(() => factory.stop());

function envFor(config: DatabaseConfig): Record<string, string> {
  return config.kind === 'pglite' ? { FIXPATH_DATA_DIR: config.dataDir, DATABASE_URL: '' } : { DATABASE_URL: config.url };
}

/** `npm run -s user -- …args` as a person would type it, with `stdin` piped in. */
function user(config: DatabaseConfig, args: string[], stdin = '') {
  const run = spawnSync('npm', ['run', '-s', 'user', '--', ...args], { cwd: ROOT, env: { ...process.env, ...envFor(config) }, input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('user CLI: a bad command line', () => {
  it('exits 2 naming the flag, before touching any database (every case: tests/unit/auth-cli-arguments.test.ts)', () => {
    const run = user({ kind: 'pglite', dataDir: '/nonexistent/never-opened' }, ['add', '--email', 'a@example.com', '--rol', 'agent']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /unknown flag --rol for add/);
    assert.match(run.stderr, /usage: npm run -s user/);
  });
});

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`user CLI on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);

    it('adds a user with the password from stdin, lists, issues a token shown once, and disables', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const config = await factory.freshConfig(kind);
      const added = user(config, ['add', '--email', 'Li.Wei@Example.com', '--role', 'editor', '--name', 'Li Wei'], 'a long enough password\n');
      assert.equal(added.status, 0, added.stderr);
      assert.match(added.stdout, /added li\.wei@example\.com \(Li Wei\) as editor/);
      assert.equal(user(config, ['add', '--email', 'li.wei@example.com', '--role', 'agent'], 'another password\n').status, 1, 'the email is taken');
      const short = user(config, ['add', '--email', 'x@example.com', '--role', 'agent'], 'short\n');
      assert.equal(short.status, 1);
      assert.match(short.stderr, /password must be 8 to 128 characters/);

      const listed = user(config, ['list']);
      assert.equal(listed.status, 0, listed.stderr);
      assert.match(listed.stdout, /^li\.wei@example\.com\teditor\tactive\tLi Wei\t/m);
      assert.doesNotMatch(listed.stdout, /x@example\.com/);

      const issued = user(config, ['token', '--email', 'li.wei@example.com', '--name', 'ci']);
      assert.equal(issued.status, 0, issued.stderr);
      const token = issued.stdout.trimEnd().split('\n').pop() ?? '';
      assert.match(token, /^fxp_[A-Za-z0-9_-]{43}$/, 'the token is the last line');
      assert.equal(user(config, ['token', '--email', 'nobody@example.com']).status, 1);

      // The password typed on stdin signs in; the token authenticates.
      let database = await openDatabase(config);
      try {
        const service = createAuthService(database.db, {});
        await signIn(service, 'li.wei@example.com', 'a long enough password');
        const identity = await service.identify(new Request(`${SITE}/api/probe`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }));
        assert.deepEqual(identity && 'caller' in identity && identity.caller.via, 'token');
        const stored = JSON.stringify(await queryRows(database.db, sql`select row_to_json(t) from api_tokens t`));
        assert.ok(!stored.includes(token.slice(4)), 'the token is not stored in clear');
      } finally {
        await database.close();
      }

      const disabled = user(config, ['disable', '--email', 'li.wei@example.com']);
      assert.equal(disabled.status, 0, disabled.stderr);
      assert.match(user(config, ['list']).stdout, /^li\.wei@example\.com\teditor\tdisabled\t/m);
      database = await openDatabase(config);
      try {
        const service = createAuthService(database.db, {});
        assert.equal(await service.identify(new Request(`${SITE}/api/probe`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })), null);
        const audit = await queryRows<{ kind: string; address: string }>(database.db, sql`select kind, address from audit_events where address = 'cli' order by id`);
        assert.deepEqual(audit.map((row) => row.kind), ['user-added', 'token-created', 'user-disabled']);
      } finally {
        await database.close();
      }
    });
  });
}
