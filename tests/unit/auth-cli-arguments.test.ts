import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUserArguments, UsageError } from '../../lib/auth/cli/arguments';

describe('user CLI arguments', () => {
  it('reads each command with its flags, in --flag value and --flag=value forms', () => {
    assert.deepEqual(parseUserArguments(['add', '--email', 'li@example.com', '--role', 'editor', '--name=Li Wei']), { command: 'add', email: 'li@example.com', role: 'editor', name: 'Li Wei' });
    assert.deepEqual(parseUserArguments(['list']), { command: 'list' });
    assert.deepEqual(parseUserArguments(['disable', '--email', 'li@example.com']), { command: 'disable', email: 'li@example.com' });
    assert.deepEqual(parseUserArguments(['token', '--email', 'li@example.com', '--name', 'ci']), { command: 'token', email: 'li@example.com', name: 'ci' });
    assert.deepEqual(parseUserArguments(['revoke', '--email', 'li@example.com']), { command: 'revoke', email: 'li@example.com' });
  });

  for (const [args, message] of [
    [[], /missing command/],
    [['remove', '--email', 'a@example.com'], /unknown command "remove"/],
    [['add', '--email', 'a@example.com', '--role', 'boss'], /--role must be agent, editor or admin, not "boss"/],
    [['add', '--email', 'a@example.com', '--rol', 'agent'], /unknown flag --rol for add/],
    [['list', '--email', 'a@example.com'], /unknown flag --email for list/],
    [['add', '--role', 'agent'], /add needs --email/],
    [['add', '--email', 'a@example.com'], /add needs --role/],
    [['token', '--email'], /--email needs a value/],
    [['token', '--email', '--name', 'x'], /--email needs a value/],
    [['token', '--email', 'a@example.com', '--email', 'b@example.com'], /--email given twice/],
    [['disable', '--email', 'a@example.com', 'extra'], /unexpected argument "extra" for disable/],
    [['add', '-e', 'a@example.com'], /unexpected argument "-e" for add/],
  ] as const) {
    it(`refuses ${JSON.stringify(args.join(' '))}`, () => {
      assert.throws(() => parseUserArguments(args), (error: Error) => error instanceof UsageError && message.test(error.message));
    });
  }
});
