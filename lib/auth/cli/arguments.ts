import { isRole, type Role } from '../roles';

/** A command line the user CLI cannot run: the message names the flag or command at fault; exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The usage text printed with every UsageError. */
export const USAGE = [
  'usage: npm run -s user -- <command>',
  '  add --email E --role agent|editor|admin [--name N]   (password on stdin)',
  '  list',
  '  disable --email E',
  '  token --email E [--name N]                          (prints the token as the last line)',
  '  revoke --email E [--name N]                         (revokes the named token, or all)',
].join('\n');

/** One parsed command. */
export type UserCommand =
  | { command: 'add'; email: string; role: Role; name?: string }
  | { command: 'list' }
  | { command: 'disable'; email: string }
  | { command: 'token'; email: string; name?: string }
  | { command: 'revoke'; email: string; name?: string };

/** Flags each command takes, and which of them it needs. */
const FLAGS: Record<UserCommand['command'], { allowed: string[]; required: string[] }> = {
  add: { allowed: ['email', 'role', 'name'], required: ['email', 'role'] },
  list: { allowed: [], required: [] },
  disable: { allowed: ['email'], required: ['email'] },
  token: { allowed: ['email', 'name'], required: ['email'] },
  revoke: { allowed: ['email', 'name'], required: ['email'] },
};

/** Parses `argv` (after the script name), throwing UsageError naming the first bad command or flag. */
export function parseUserArguments(argv: readonly string[]): UserCommand {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('missing command');
  if (!(command in FLAGS)) throw new UsageError(`unknown command "${command}"`);
  const spec = FLAGS[command as UserCommand['command']];
  const flags: Record<string, string> = {};
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index];
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(argument);
    if (!match) throw new UsageError(`unexpected argument "${argument}" for ${command}`);
    const [, flag, inline] = match;
    if (!spec.allowed.includes(flag)) throw new UsageError(`unknown flag --${flag} for ${command}`);
    if (flag in flags) throw new UsageError(`--${flag} given twice`);
    const value = inline ?? rest[++index];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${flag} needs a value`);
    flags[flag] = value;
  }
  for (const flag of spec.required) if (!(flag in flags)) throw new UsageError(`${command} needs --${flag}`);
  if (command === 'add' && !isRole(flags.role)) throw new UsageError(`--role must be agent, editor or admin, not "${flags.role}"`);
  return { command, ...flags } as UserCommand;
}
