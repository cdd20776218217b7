import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root (holds the installed node_modules). */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(REPO_ROOT, 'packages', 'transform', 'scripts', 'release', 'release-cli.ts');
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CHANGELOG =
  '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- `toRow` keeps sets as arrays.\n\n## [0.1.0] - 2026-11-01\n\n- First release.\n';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/** A repository with the workspace layout the release script edits. */
function createRepo(changelog: string, released = true): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'release-test-'));
  mkdirSync(path.join(dir, 'packages', 'transform'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{\n  "name": "root",\n  "workspaces": ["packages/*"]\n}\n');
  writeFileSync(
    path.join(dir, 'packages', 'transform', 'package.json'),
    '{\n  "name": "@sales/transform",\n  "version": "0.1.0",\n  "type": "module"\n}\n',
  );
  writeFileSync(
    path.join(dir, 'package-lock.json'),
    `${JSON.stringify({ name: 'root', lockfileVersion: 3, packages: { '': { name: 'root' }, 'packages/transform': { name: '@sales/transform', version: '0.1.0' } } }, null, 2)}\n`,
  );
  writeFileSync(path.join(dir, 'packages', 'transform', 'CHANGELOG.md'), changelog);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'init');
  if (released) git(dir, 'tag', 'transform-v0.1.0');
  return dir;
}

const run = (cwd: string, ...args: string[]) =>
  spawnSync(TSX, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  });

describe('release:transform', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('bumps the version, releases the changelog, commits and tags in one step', () => {
    dir = createRepo(CHANGELOG);
    const result = run(dir, 'minor');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toBe(
      'released @sales/transform 0.1.0 -> 0.2.0, tag transform-v0.2.0\npublish with: git push --atomic origin HEAD transform-v0.2.0\n',
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'packages/transform/package.json'), 'utf8')).version).toBe('0.2.0');
    expect(
      JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).packages['packages/transform'].version,
    ).toBe('0.2.0');
    expect(readFileSync(path.join(dir, 'packages/transform/CHANGELOG.md'), 'utf8')).toMatch(
      /## \[Unreleased\]\n\n## \[0\.2\.0\] - \d{4}-\d{2}-\d{2}\n\n### Added\n\n- `toRow`/,
    );
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('chore(release): @sales/transform 0.2.0');
    expect(git(dir, 'describe', '--exact-match', 'HEAD')).toBe('transform-v0.2.0');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  test('--dry-run prints the plan and changes nothing', () => {
    dir = createRepo(CHANGELOG);
    const result = run(dir, 'patch', '--dry-run');
    expect(result.stdout).toBe('would release @sales/transform 0.1.0 -> 0.1.1, tag transform-v0.1.1\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'tag', '--list')).toBe('transform-v0.1.0');
  });

  test('an empty Unreleased section stops the release with exit 1 and writes nothing', () => {
    dir = createRepo('# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-11-01\n\n- First release.\n');
    const result = run(dir, 'patch');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^release:transform: the "## \[Unreleased\]" section of CHANGELOG.md is empty/);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  test('uncommitted edits to the released files stop the release', () => {
    dir = createRepo(CHANGELOG);
    writeFileSync(path.join(dir, 'packages/transform/CHANGELOG.md'), `${CHANGELOG}\n- more\n`);
    const result = run(dir, 'patch');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^release:transform: commit or stash these first:\n M packages\/transform\/CHANGELOG.md/,
    );
  });

  test.each([
    [['huge'], 'give one of patch, minor, major or a version x.y.z, received "huge"'],
    [['v1.0.0'], 'give one of patch, minor, major or a version x.y.z, received "v1.0.0"'],
    [['1.0.0-rc.1'], 'give one of patch, minor, major or a version x.y.z, received "1.0.0-rc.1"'],
    [['0.0.9'], 'version 0.0.9 is lower than the current 0.1.0, received "0.0.9"'],
    [[], 'give one of patch, minor, major or a version x.y.z'],
    [['patch', 'minor'], 'too many arguments, received "minor"'],
  ])('%j is a usage error (exit 2) and writes nothing', (args, message) => {
    dir = createRepo(CHANGELOG);
    const result = run(dir, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`release:transform: ${message} (see --help)\n`);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  test('a bump from a version that was never tagged asks for the intended version (exit 2 without a terminal)', () => {
    dir = createRepo('# Changelog\n\n## 0.1.0 - unreleased\n\n### Added\n- First release.\n', false);
    const result = run(dir, 'minor');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'release:transform: 0.1.0 was never released (no tag transform-v0.1.0): minor would skip it; ' +
        'give the intended version: 0.1.0 to release it, or 0.2.0 (see --help)\n',
    );
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'tag', '--list')).toBe('');
  });

  test('an explicit current version releases a prepared "x.y.z - unreleased" section', () => {
    dir = createRepo('# Changelog\n\n## 0.1.0 - unreleased\n\n### Added\n- First release.\n', false);
    const result = run(dir, '0.1.0');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(path.join(dir, 'packages/transform/CHANGELOG.md'), 'utf8')).toMatch(
      /^# Changelog\n\n## \[Unreleased\]\n\n## \[0\.1\.0\] - \d{4}-\d{2}-\d{2}\n\n### Added\n- First release\.\n$/,
    );
    expect(git(dir, 'describe', '--exact-match', 'HEAD')).toBe('transform-v0.1.0');
  });

  test('an unknown flag is a usage error naming it', () => {
    dir = createRepo(CHANGELOG);
    const result = run(dir, 'patch', '--force');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('release:transform: unknown flag --force (see --help)\n');
  });
});
