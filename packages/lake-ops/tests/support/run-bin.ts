/**
 * Runs the real `sales-lake` bin and reads a local lake back, for the CLI tests.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

const BIN = join(__dirname, '..', '..', 'bin', 'sales-lake.cjs');

/**
 * Runs the real bin, as an operator does, without blocking the test.
 *
 * @param args - The arguments.
 * @returns Exit code, stdout, stderr.
 */
export function runBin(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // As an operator points it at a local endpoint: a region and dummy credentials in the environment.
    const env = { ...process.env, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const child = spawn(process.execPath, [BIN, ...args], { cwd: tmpdir(), env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The repository root, where the docs run `npm run backfill|reconcile|replay`. */
const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * Runs `npm run <script> -- <args>` at the repository root, as the docs write it, with no AWS setting at all unless
 * `env` gives some: no AWS_* variables, and the shared config and credentials files pointed at nothing.
 *
 * @param script - `backfill`, `reconcile` or `replay`.
 * @param args - The arguments after `--`.
 * @param env - Variables to set on top.
 * @returns Exit code, stdout (npm's two-line banner first), stderr.
 */
export function runNpm(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const bare = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  const nothing = join(tmpdir(), 'no-such-aws-config');
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script, '--', ...args], {
      cwd: REPO_ROOT,
      env: { ...bare, AWS_CONFIG_FILE: nothing, AWS_SHARED_CREDENTIALS_FILE: nothing, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export function rowsIn(root: string): Record<string, unknown>[] {
  return filesUnder(root).flatMap((key) =>
    gunzipSync(readFileSync(join(root, key)))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  );
}
