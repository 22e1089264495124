/**
 * Runs a snippet in a child process that is killed after a hard deadline, for
 * tests of hostile input: the deadline is minutes, far beyond any normal run,
 * so only a hang (catastrophic backtracking, an endless loop) can exceed it.
 * This is not a timed assertion: the test fails only if the work never ends.
 * The snippet is CommonJS; `require` of a .ts file works (tsx is loaded).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const HANG_DEADLINE_MS = 120_000;

export const repoRoot = path.resolve(__dirname, '..', '..');

/** The snippet's stdout (trimmed); throws when it fails or hangs past the deadline. */
export function runBeforeDeadline(snippet: string, deadlineMs = HANG_DEADLINE_MS): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--stack-size=984', '-e', snippet], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: deadlineMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.signal === 'SIGKILL') throw new Error(`still running after ${deadlineMs / 1000} s: a hang`);
  if (result.status !== 0) throw new Error(`exited ${result.status}: ${result.stderr}`);
  return result.stdout.trim();
}
