import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The repository this test runs in (npm scripts and Playwright run from its root). */
const REPO = process.cwd();

/**
 * Makes what a fresh clone of this working tree holds: every tracked file and every untracked
 * one git would not ignore (so local edits are tested too), and nothing else — no `.next`, no
 * `.data`. `node_modules` is hard-linked from this checkout: `npm install` would reach the
 * network, which tests must not.
 */
export function freshClone(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fixpath-fresh-clone-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    try {
      cpSync(path.join(REPO, file), path.join(dir, file));
    } catch (error) {
      // A file deleted in the working tree but still tracked: a clone of the edit would not have it either.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const linked = spawnSync('cp', ['-al', path.join(REPO, 'node_modules'), path.join(dir, 'node_modules')]);
  if (linked.status !== 0) throw new Error(`linking node_modules failed: ${linked.stderr}`);
  return dir;
}

/** A server started in a clone, with everything it printed so far. */
export interface AppProcess {
  readonly url: string;
  log(): string;
  /** Stops it as an operator would (SIGTERM to the whole process group) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Runs `command` (e.g. `npm start`) in `dir` on `port` and resolves once the home page answers.
 * Fails with the server's output if it exits or is not up within `timeoutMs`.
 */
export async function startApp(dir: string, command: string[], port: number, env: Record<string, string>, timeoutMs: number): Promise<AppProcess> {
  let output = '';
  const child: ChildProcess = spawn(command[0], command.slice(1), {
    cwd: dir,
    detached: true,
    env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', DATABASE_URL: '', FIXPATH_DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone) throw new Error(`${command.join(' ')} exited before serving:\n${output}`);
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`${command.join(' ')} did not serve ${url} within ${timeoutMs} ms:\n${output}`);
    }
    const up = await fetch(`${url}/zh`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    log: () => output,
    async stop() {
      if (!gone) process.kill(-child.pid!, 'SIGTERM');
      await exited;
      // npm exits before the server it started has finished closing the database: wait for the
      // whole process group, as an operator's restart would, before anything reopens it.
      for (;;) {
        try {
          process.kill(-child.pid!, 0);
        } catch {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

/** Deletes a clone made by freshClone. */
export function removeClone(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
