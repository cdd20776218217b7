import { spawnSync } from 'node:child_process';
import packageJson from '../../package.json';
import { REPO_ROOT } from './spawn-local';

describe('npm run local -- --version', () => {
  test('prints the package version on stdout, exit 0, as the generator does', () => {
    const result = spawnSync('npm', ['run', '-s', 'local', '--', '--version'], { cwd: REPO_ROOT, encoding: 'utf8' });

    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`sales-local ${packageJson.version}\n`);
    expect(result.stderr).toBe('');
  });
});
