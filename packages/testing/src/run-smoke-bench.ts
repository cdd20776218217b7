/**
 * runSmokeBench: a package's bench exactly as `npm run bench -w <package>` starts it, at `BENCH_SIZE=smoke`, so a test
 * proves in seconds that the bench still runs and prints its figures.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The repository root, where `npm run bench -w <package>` is run. */
const REPO_ROOT = join(__dirname, '..', '..', '..');

/** How a smoke run of a bench ended. */
export interface SmokeBench {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the bench of a workspace at the repository root with `BENCH_SIZE=smoke` and no other `BENCH_*` variable, so
 * nothing in the caller's environment (`BENCH_QUICK`, `BENCH_ORDERS`, …) skips a part or changes a size.
 *
 * @param workspace - The package name, e.g. `@sales/transform`.
 * @returns Its exit code and output.
 * @example
 * ```ts
 * const run = await runSmokeBench('@sales/local'); // run.code === 0, run.stdout holds the ratio lines
 * ```
 */
export function runSmokeBench(workspace: string): Promise<SmokeBench> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BENCH_')));
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'bench', '-w', workspace], {
      cwd: REPO_ROOT,
      env: { ...env, BENCH_SIZE: 'smoke' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
