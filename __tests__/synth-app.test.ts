import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../constructs/data-path/transform-bundle';

// Runs the real app (`main.ts`, real handler bundle, both stacks) from two copies of the repository at
// different paths, the way `cdktf synth` would, and compares everything it writes byte for byte.

const TSX_CLI = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Files a clone would have: tracked, plus new files that are not git-ignored (no cdktf.out, .gen, .local). */
const CHECKOUT_FILES = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
  cwd: REPO_ROOT,
  encoding: 'utf8',
})
  .split('\0')
  .filter((file) => file !== '' && existsSync(join(REPO_ROOT, file)));

function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sales-checkout-'));
  for (const file of CHECKOUT_FILES) cpSync(join(REPO_ROOT, file), join(dir, file), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function synth(dir: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [TSX_CLI, 'main.ts'], {
    cwd: dir,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env },
    encoding: 'utf8',
  });
}

function files(root: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return found;
}

describe('synthesizing the app', () => {
  const checkouts = [checkout(), checkout()];
  afterAll(() => {
    for (const dir of checkouts) rmSync(dir, { recursive: true, force: true });
  });

  test('fails on a bad setting before writing anything, naming the variable, the value and what is allowed', () => {
    const result = synth(checkouts[0]!, { SALES_KINESIS_MODE: 'fast' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('SALES_KINESIS_MODE must be ON_DEMAND or PROVISIONED, received "fast"');
    expect(existsSync(join(checkouts[0]!, 'cdktf.out'))).toBe(false);
    expect(existsSync(join(checkouts[0]!, '.gen'))).toBe(false);
  });

  test('writes byte-identical output from two checkout paths', () => {
    for (const dir of checkouts) expect(synth(dir).status).toBe(0);
    const [first, second] = checkouts.map((dir) => files(join(dir, 'cdktf.out')));
    expect([...first!.keys()].sort()).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'stacks/dev/cdk.tf.json',
        'stacks/prod/cdk.tf.json',
        expect.stringMatching(/^stacks\/dev\/assets\/.+\/lambda\.zip$/),
      ]),
    );
    expect([...second!.keys()].sort()).toEqual([...first!.keys()].sort());
    for (const [name, content] of first!) {
      expect({ name, same: content.equals(second!.get(name)!) }).toEqual({ name, same: true });
    }
    for (const [name, content] of first!) {
      if (name.endsWith('.json')) for (const dir of checkouts) expect(content.toString('utf8')).not.toContain(dir);
    }
  }, 60_000);
});
