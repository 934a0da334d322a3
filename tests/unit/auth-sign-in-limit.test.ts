import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SIGN_IN_LIMIT, signInLimitFromEnv } from '@/lib/auth/instance';

test('FIXPATH_SIGN_IN_LIMIT sets the sign-in attempts a minute per address; a bad value is refused by name', () => {
  assert.equal(signInLimitFromEnv({}), SIGN_IN_LIMIT.max);
  assert.equal(signInLimitFromEnv({ FIXPATH_SIGN_IN_LIMIT: ' 25 ' }), 25);
  for (const bad of ['0', '-1', '2.5', 'many', '10001']) {
    assert.throws(() => signInLimitFromEnv({ FIXPATH_SIGN_IN_LIMIT: bad }), new RegExp(`FIXPATH_SIGN_IN_LIMIT must be a whole number .* not "${bad.replace('.', '\\.')}"`));
  }
});
