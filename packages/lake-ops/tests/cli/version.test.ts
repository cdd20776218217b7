import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import packageJson from '../../package.json';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

describe('sales-lake --version', () => {
  test.each([
    [['run', 'backfill', '--', '--version']],
    [['run', 'reconcile', '--', '--version']],
    [['run', 'replay', '--', '--version']],
  ])('`npm %s` prints the package version on stdout, exit 0', (args) => {
    const result = spawnSync('npm', ['-s', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`sales-lake ${packageJson.version}\n`);
    expect(result.stderr).toBe('');
  });

  test('the bin answers --version before a command', () => {
    const bin = join(__dirname, '..', '..', 'bin', 'sales-lake.cjs');

    const result = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });

    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`sales-lake ${packageJson.version}\n`);
  });
});
