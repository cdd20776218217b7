/**
 * Spawns `npm run local` as the docs run it (`npm run local -- …`), or its node process directly, and collects its
 * output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
const CLI = join(REPO_ROOT, 'packages', 'local', 'src', 'run', 'cli.ts');

/** What a finished run printed and how it ended. */
export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock ms from spawn to exit. */
  readonly ms: number;
}

/** A running CLI: the child, its output so far, and its end. */
export interface Running {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  readonly finished: Promise<Finished>;
  /** Resolves once stderr contains `text`. */
  readonly waitForStderr: (text: string) => Promise<void>;
}

/**
 * Start the CLI without blocking this process (it may serve endpoints the child talks to).
 *
 * @param args - flags
 * @param env - extra environment variables
 * @param via - `npm`: `npm run local -- …` as the docs write it (the child is npm); `node`: the node process npm
 *   starts, directly (the child is the CLI itself). @defaultValue 'node'
 * @returns the running child
 */
export function startLocal(
  args: readonly string[],
  env: Record<string, string> = {},
  via: 'npm' | 'node' = 'node',
): Running {
  const started = performance.now();
  const [command, argv] =
    via === 'npm' ? ['npm', ['run', 'local', '--', ...args]] : [process.execPath, ['--import', 'tsx', CLI, ...args]];
  const child = spawn(command, argv, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ text: string; done: () => void }> = [];
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.filter((candidate) => stderr.includes(candidate.text))) waiter.done();
  });
  const finished = new Promise<Finished>((done) =>
    child.on('close', (code) => done({ code, stdout, stderr, ms: performance.now() - started })),
  );
  return {
    child,
    stderr: () => stderr,
    finished,
    waitForStderr: (text) =>
      new Promise<void>((done) => (stderr.includes(text) ? done() : waiters.push({ text, done }))),
  };
}

/**
 * Run the CLI to the end.
 *
 * @param args - flags
 * @param env - extra environment variables
 * @param via - see {@link startLocal}. @defaultValue 'node'
 * @returns how it ended
 */
export function runLocal(
  args: readonly string[],
  env: Record<string, string> = {},
  via: 'npm' | 'node' = 'node',
): Promise<Finished> {
  return startLocal(args, env, via).finished;
}
