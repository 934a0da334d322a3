import 'server-only';
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** What a tool run printed, or why it could not run. */
export type ToolRun =
  | { ran: true; exitCode: number; stdout: string; stderr: string; timedOut: boolean }
  | { ran: false; reason: string };

/** Debian puts traceroute in /usr/sbin, which is not on every user's PATH. */
const EXTRA_DIRS = ['/usr/sbin', '/sbin', '/usr/bin', '/bin'];

const NOT_PERMITTED = /operation not permitted|permission denied|cap_net_raw|must be root|socket: /i;

/** The first executable `name` on PATH (or the usual system folders), if any. */
export function findTool(name: string, override?: string): string | undefined {
  const candidates = override ? [override] : [...(process.env.PATH ?? '').split(path.delimiter), ...EXTRA_DIRS].filter(Boolean).map((dir) => path.join(dir, name));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * System tools run with a fixed locale, so their output parses the same on
 * every machine, and nothing else of ours. (Next's types mark NODE_ENV as
 * required in every environment, hence the cast.)
 */
const TOOL_ENVIRONMENT = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' } as unknown as NodeJS.ProcessEnv;

/**
 * Runs a system tool through execFile with an argument array (no shell, so
 * nothing in an argument is ever interpreted) and a kill timer. The callers
 * pass only checked IP literals as targets.
 */
export function runTool(file: string, args: string[], timeoutMs: number): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024, env: TOOL_ENVIRONMENT },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
        if (failure && typeof failure.code === 'string') {
          resolve({ ran: false, reason: failure.code === 'ENOENT' ? `${path.basename(file)} is not installed` : `${path.basename(file)} could not start (${failure.code})` });
          return;
        }
        const exitCode = failure ? (typeof failure.code === 'number' ? failure.code : -1) : 0;
        if (exitCode !== 0 && NOT_PERMITTED.test(stderr) && !/\d+ packets transmitted/.test(stdout)) {
          resolve({ ran: false, reason: `${path.basename(file)} is not permitted here: ${stderr.trim().split('\n')[0]}` });
          return;
        }
        resolve({ ran: true, exitCode, stdout, stderr, timedOut: Boolean(failure?.killed) });
      },
    );
  });
}
