import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'sales-lake.cjs');

/** Runs the real bin, as a user would. */
function runBin(args: readonly string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sales-lake dispatch', () => {
  test('an unknown command is a usage error naming it, exit 2', () => {
    const { code, stdout, stderr } = runBin(['bogus']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^sales-lake: unknown command "bogus"; the commands are .*\(see --help\)\n$/);
  });

  test('no command at all is a usage error, exit 2', () => {
    const { code, stderr } = runBin([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sales-lake: a command is needed/);
  });

  test('--help lists the commands on stdout, exit 0', () => {
    const { code, stdout } = runBin(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: sales-lake <command> \[options\]/);
  });
});
