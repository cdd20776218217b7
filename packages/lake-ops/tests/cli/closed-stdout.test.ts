import { spawn } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/** `npm run -s <script> -- <args> | true`: the reader closes stdout before the command writes. */
function runNpmIntoTrue(script: string, args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', script, '--', ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.destroy();
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('sales-lake with a reader that closes stdout', () => {
  test.each([
    ['reconcile', ['--help']],
    ['backfill', ['--help']],
    ['replay', ['--help']],
  ])(
    '`npm run -s %s -- %s | true` exits 0 quietly',
    async (script, args) => {
      const result = await runNpmIntoTrue(script, args);

      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
    },
    60_000,
  );
});
