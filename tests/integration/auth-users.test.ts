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

const users = (token: string | null, method = 'GET', body?: unknown) =>
  handleUsers(
    service,
    new Request(`${SITE}/api/users`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined }),
    (request, role) => authorizeWith(service, request, role),
  );

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
  assert.equal((await users(token, 'DELETE')).status, 405);
});

it('POST /api/users lets an admin add a person who can then sign in; others get 401/403, bad fields 400, a taken email 409', async () => {
  const admin = await createUser(database.db, { email: 'root@example.com', name: 'Root', role: 'admin', password: 'correct horse battery' });
  const agent = await createUser(database.db, { email: 'ag@example.com', name: 'Ag', role: 'agent', password: 'correct horse battery' });
  const adminToken = (await createToken(database.db, admin.id, 'test')).token;
  const agentToken = (await createToken(database.db, agent.id, 'test')).token;
  const person = { email: 'Ed@Example.com', name: 'Ed', role: 'editor', password: 'another good password' };

  assert.equal((await users(null, 'POST', person)).status, 401);
  assert.equal((await users(agentToken, 'POST', person)).status, 403);
  const added = await users(adminToken, 'POST', person);
  assert.equal(added.status, 201);
  const body = await added.json();
  assert.deepEqual({ email: body.email, name: body.name, role: body.role }, { email: 'ed@example.com', name: 'Ed', role: 'editor' });
  const signIn = await service.handle(
    new Request(`${SITE}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body: JSON.stringify({ email: 'ed@example.com', password: 'another good password' }) }),
  );
  assert.equal(signIn.status, 200, 'the new person signs in with the password');
  assert.equal((await users(adminToken, 'POST', person)).status, 409);
  for (const [bad, field] of [[{ ...person, email: 'x@y.z', role: 'owner' }, 'role'], [{ ...person, email: 'short@example.com', password: 'short' }, 'password'], [{ ...person, email: 'nope' }, 'email'], [{ ...person, extra: 1 }, 'extra']] as const) {
    const answer = await users(adminToken, 'POST', bad);
    assert.equal(answer.status, 400, JSON.stringify(bad));
    assert.equal((await answer.json()).error.field, field, JSON.stringify(bad));
  }
});
