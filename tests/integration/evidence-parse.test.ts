/**
 * The pasted-output parser from the outside: the `parse-output` CLI as a child process (stdin
 * and a file, bad flags), and `POST /api/evidence/parse` behind the same auth as the case API
 * (401 without a caller, 400 naming the field, 200 with the parse).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Role } from '../../lib/auth';
import { authorizeWith } from '../../lib/auth/runtime';
import { createAuthService } from '../../lib/auth/service';
import { createToken } from '../../lib/auth/tokens';
import { createUser } from '../../lib/auth/users';
import { migrateDatabase, openDatabase, type Database } from '../../lib/db/server';
import { MAX_OUTPUT_CHARS } from '../../lib/evidence';
import { createEvidenceApi } from '../../lib/evidence/server';
import { apiRequest, jsonOf } from '../fixtures/auth-requests';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/command-output', name);

/** Runs the CLI as `npm run -s parse-output` does, with `input` on stdin. */
function cli(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/parse-output.ts', ...args],
      { cwd: root, env: { PATH: process.env.PATH ?? '' } as unknown as NodeJS.ProcessEnv },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

describe('parse-output CLI', () => {
  it('reads standard input and prints the parse as pretty JSON', async () => {
    const run = await cli(['-'], readFileSync(fixture('curl/linux-refused.txt'), 'utf8'));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const parsed = JSON.parse(run.stdout);
    assert.equal(parsed.tool, 'curl');
    assert.deepEqual(parsed.findings.map((finding: { code: string }) => finding.code), ['TCP_REFUSED']);
    assert.match(run.stdout, /^\{\n {2}"tool": "curl",\n/);
  });

  it('reads a file, and gives UNRECOGNISED with exit 0 for text it does not know', async () => {
    const file = await cli([fixture('ping/windows-zh-loss.txt')]);
    assert.equal(file.code, 0);
    assert.equal(JSON.parse(file.stdout).findings[0].code, 'PING_LOSS');
    const prose = await cli(['-'], 'the app says it cannot connect\n');
    assert.equal(prose.code, 0);
    assert.deepEqual(JSON.parse(prose.stdout), { tool: 'unknown', findings: [{ code: 'UNRECOGNISED', summary: 'The text is not output of a command the parser knows.', details: {} }] });
  });

  it('refuses a bad flag with exit 2, naming it on stderr; a missing file is exit 1', async () => {
    const flag = await cli(['--json', '-']);
    assert.equal(flag.code, 2);
    assert.equal(flag.stdout, '');
    assert.match(flag.stderr, /unknown flag --json/);
    const none = await cli([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /usage:/);
    const missing = await cli([path.join(root, 'no-such-output.txt')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read .*no-such-output\.txt: ENOENT/);
  });
});

describe('POST /api/evidence/parse', () => {
  let scratch: string;
  let database: Database;
  let api: ReturnType<typeof createEvidenceApi>;
  let agent: string;

  before(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'fixpath-evidence-'));
    database = await openDatabase({ kind: 'pglite', dataDir: path.join(scratch, 'db') });
    await migrateDatabase(database);
    const service = createAuthService(database.db, {});
    const user = await createUser(database.db, { email: 'li@example.com', name: 'Li', role: 'agent', password: 'correct horse battery' });
    agent = (await createToken(database.db, user.id, 'test')).token;
    api = createEvidenceApi({ authorize: (request: Request, role: Role) => authorizeWith(service, request, role) });
  });
  after(async () => {
    await database?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const post = (who: string | null, body: unknown, headers: Record<string, string> = {}) => api.parse(apiRequest('POST', '/api/evidence/parse', who, body, headers));

  it('answers 401 without a caller, and 401 for an unknown token', async () => {
    const nobody = await jsonOf(await post(null, { text: 'ping' }));
    assert.equal(nobody.status, 401);
    assert.equal(nobody.body.error.code, 'UNAUTHORIZED');
    assert.equal((await post('fxp_not-a-real-token', { text: 'ping' })).status, 401);
  });

  it('answers 400 naming the field that is wrong', async () => {
    const empty = await jsonOf(await post(agent, { text: '' }));
    assert.equal(empty.status, 400);
    assert.deepEqual([empty.body.error.code, empty.body.error.field], ['INVALID_INPUT', 'text']);
    const missing = await jsonOf(await post(agent, {}));
    assert.deepEqual([missing.status, missing.body.error.field, missing.body.error.message], [400, 'text', 'text must be a string']);
    const long = await jsonOf(await post(agent, { text: 'x'.repeat(MAX_OUTPUT_CHARS + 1) }));
    assert.deepEqual([long.status, long.body.error.field], [400, 'text']);
    const extra = await jsonOf(await post(agent, { text: 'x', caseId: 'c1' }));
    assert.deepEqual([extra.status, extra.body.error.field], [400, 'caseId']);
    const notJson = await jsonOf(await post(agent, '{"text": '));
    assert.deepEqual([notJson.status, notJson.body.error.field], [400, 'body']);
    const wrongType = await jsonOf(await post(agent, 'text=x', { 'content-type': 'text/plain' }));
    assert.equal(wrongType.status, 415);
  });

  it('answers 200 with the parse for a signed-in agent, the longest allowed text included', async () => {
    const output = readFileSync(fixture('test-netconnection/windows-en-open.txt'), 'utf8');
    const ok = await jsonOf(await post(agent, { text: output }));
    assert.equal(ok.status, 200);
    assert.equal(ok.body.tool, 'test-netconnection');
    assert.equal(ok.body.os, 'windows');
    assert.equal(ok.body.findings[0].code, 'TCP_OPEN');
    assert.equal(ok.body.findings[0].details.remotePort, 53);
    const longest = await jsonOf(await post(agent, { text: '请'.repeat(MAX_OUTPUT_CHARS) }));
    assert.equal(longest.status, 200);
    assert.equal(longest.body.findings[0].code, 'UNRECOGNISED');
  });
});
