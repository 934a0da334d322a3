import 'server-only';
import { databaseConfigFromEnv, migrateDatabase, openDatabase, type FixpathDb } from '@/lib/db/server';
import { recordAudit } from '../audit';
import { createToken, revokeTokens } from '../tokens';
import { createUser, disableUser, findUserByEmail, listUsers, UserInputError } from '../users';
import { parseUserArguments, USAGE, UsageError, type UserCommand } from './arguments';

/** Where the CLI reads and writes: injectable so tests need no real terminal. */
export interface CliIo {
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
}

/** A failure that is not a usage error: the message is for the person at the terminal; exit 1. */
class CliFailure extends Error {}

async function userIdFor(db: FixpathDb, email: string): Promise<{ id: string; email: string }> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new CliFailure(`no user has the email ${email}`);
  return user;
}

async function execute(db: FixpathDb, command: UserCommand, io: CliIo): Promise<void> {
  switch (command.command) {
    case 'add': {
      // One line on stdin, as `printf '%s' "$PASSWORD" | npm run -s user -- add …` or typed and ended with Ctrl-D.
      const password = (await io.readStdin()).replace(/\r?\n$/, '');
      const user = await createUser(db, { email: command.email, name: command.name, role: command.role, password });
      await recordAudit(db, { kind: 'user-added', userId: user.id, address: 'cli', detail: { email: user.email, role: user.role } });
      io.out(`added ${user.email} (${user.name}) as ${user.role}`);
      return;
    }
    case 'list': {
      const users = await listUsers(db);
      if (users.length === 0) io.out('no users yet: start the server and open /setup, or add one with `user -- add`');
      for (const user of users) io.out([user.email, user.role, user.disabled ? 'disabled' : 'active', user.name, user.createdAt.toISOString()].join('\t'));
      return;
    }
    case 'disable': {
      const user = await userIdFor(db, command.email);
      await disableUser(db, user.email);
      await recordAudit(db, { kind: 'user-disabled', userId: user.id, address: 'cli', detail: { email: user.email } });
      io.out(`disabled ${user.email}: their sessions have ended and their tokens no longer work`);
      return;
    }
    case 'token': {
      const user = await findUserByEmail(db, command.email);
      if (!user) throw new CliFailure(`no user has the email ${command.email}`);
      if (user.disabled) throw new CliFailure(`${user.email} is disabled`);
      const name = command.name ?? `token ${new Date().toISOString().slice(0, 10)}`;
      const { id, token } = await createToken(db, user.id, name);
      await recordAudit(db, { kind: 'token-created', userId: user.id, address: 'cli', detail: { tokenId: id, name } });
      io.out(`personal API token "${name}" for ${user.email}; it is shown only this once (send it as Authorization: Bearer <token>):`);
      io.out(token);
      return;
    }
    case 'revoke': {
      const user = await userIdFor(db, command.email);
      const count = await revokeTokens(db, user.id, command.name);
      await recordAudit(db, { kind: 'token-revoked', userId: user.id, address: 'cli', detail: { name: command.name ?? null, count } });
      io.out(`revoked ${count} token${count === 1 ? '' : 's'} of ${user.email}`);
      return;
    }
  }
}

/**
 * `npm run -s user -- add|list|disable|token|revoke …` against the database the environment
 * names. Returns the exit code: 0 done, 1 failed (message on stderr), 2 bad command line.
 */
export async function runUserCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: UserCommand;
  try {
    command = parseUserArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`user: ${error.message}\n${USAGE}`);
    return 2;
  }
  try {
    const database = await openDatabase(databaseConfigFromEnv(io.env));
    try {
      await migrateDatabase(database);
      await execute(database.db, command, io);
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    if (error instanceof UserInputError) {
      io.err(`user: ${error.field === 'password' ? 'stdin (password)' : `--${error.field}`}: ${error.message}`);
      return error.field === 'password' || error.conflict ? 1 : 2;
    }
    io.err(`user: ${(error as Error).message}`);
    return 1;
  }
}
