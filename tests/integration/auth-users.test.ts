import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Database } from '../../lib/db/server';
import { handleUsers } from '../../lib/auth/api/users';
import { authorizeWith } from '../../lib/auth/runtime';
import { createAuthService, type AuthService } from '../../lib/auth/service';
import { createToken } from '../../lib/auth/tokens';
import { createUser, disableUser } from '../../lib/auth/users';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';

const SITE = 'http://fixpath.test';
let factory: DatabaseFactory;
let database: Database;
let service: AuthService;

before(async () => {
  factory = await databaseFactory('auth-users');
  database = await factory.fresh('pglite');
  service = createAuthService(database.db, {});
});
after(async () => {
  await database?.close();
  factory?.stop();
});

const users = (token: string | null, method = 'GET') =>
  handleUsers(service, new Request(`${SITE}/api/users`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} }), (request) => authorizeWith(service, request, 'agent'));

it('GET /api/users lists everyone who can sign in, by name, for any agent; disabled people are left out', async () => {
  const sam = await createUser(database.db, { email: 'sam@example.com', name: 'Sam', role: 'agent', password: 'correct horse battery' });
  const li = await createUser(database.db, { email: 'li@example.com', name: 'Li Wei', role: 'admin', password: 'correct horse battery' });
  await createUser(database.db, { email: 'gone@example.com', name: 'Alex', role: 'editor', password: 'correct horse battery' });
  assert.equal(await disableUser(database.db, 'gone@example.com'), true);
  const { token } = await createToken(database.db, sam.id, 'test');

  const response = await users(token);
  assert.equal(response.status, 200);
  assert.deepEqual((await response.json()).items, [
    { id: li.id, name: 'Li Wei', email: 'li@example.com', role: 'admin' },
    { id: sam.id, name: 'Sam', email: 'sam@example.com', role: 'agent' },
  ]);

  const nobody = await users(null);
  assert.equal(nobody.status, 401);
  assert.equal((await nobody.json()).error.code, 'UNAUTHORIZED');
  assert.equal((await users('fxp_not-a-token')).status, 401);
  assert.equal((await users(token, 'POST')).status, 405);
});
