/**
 * runCheckedSynth: the shell both synth scripts share: print the configuration check's lines, stop with its exit code
 * (or after `--check`), else run `cdktf synth` in a folder with the command line's other arguments.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The repository root, where `node_modules/.bin/cdktf` is. */
export const REPO_ROOT = join(__dirname, '..');

/**
 * Runs a checked synth and sets `process.exitCode`.
 *
 * When stdout is not a terminal, cdktf runs with `CI=1`, which makes its ink renderer write only the final frame
 * instead of spinner frames, and `FORCE_COLOR=0` (no escape codes).
 *
 * @param check - The configuration check's exit code and its lines for stderr.
 * @param cwd - The folder whose `cdktf.json` to synthesize.
 * @example
 * ```ts
 * runCheckedSynth(checkConfig(process.env), REPO_ROOT); // cdktf synth, or one line and exit 2
 * ```
 */
export function runCheckedSynth(check: { code: 0 | 2; lines: readonly string[] }, cwd: string): void {
  for (const line of check.lines) process.stderr.write(`${line}\n`);
  if (check.code !== 0 || process.argv.includes('--check')) {
    process.exitCode = check.code;
    return;
  }
  const quiet = process.stdout.isTTY ? {} : { CI: '1', FORCE_COLOR: '0' };
  const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'cdktf'), ['synth', ...process.argv.slice(2)], {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', ...quiet },
  });
  child.on('close', (status, signal) => (process.exitCode = status ?? (signal === 'SIGTERM' ? 143 : 130)));
}
