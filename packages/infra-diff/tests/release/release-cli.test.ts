import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../fixtures/git-repo';

const CLI = path.join(REPO_ROOT, 'packages', 'infra-diff', 'src', 'release', 'release-cli.ts');
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CHANGELOG = '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- `toRow` keeps sets as arrays.\n\n## [0.1.0] - 2026-11-01\n\n- First release.\n';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' }).trim();
}

/** A repository with the workspace layout the release script edits. */
function createRepo(changelog: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'release-test-'));
  mkdirSync(path.join(dir, 'packages', 'transform'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{\n  "name": "root",\n  "workspaces": ["packages/*"]\n}\n');
  writeFileSync(path.join(dir, 'packages', 'transform', 'package.json'), '{\n  "name": "@sales/transform",\n  "version": "0.1.0",\n  "type": "module"\n}\n');
  writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'root', lockfileVersion: 3, packages: { '': { name: 'root' }, 'packages/transform': { name: '@sales/transform', version: '0.1.0' } } }, null, 2)}\n`);
  writeFileSync(path.join(dir, 'packages', 'transform', 'CHANGELOG.md'), changelog);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'init');
  return dir;
}

const run = (cwd: string, ...args: string[]) => spawnSync(TSX, [CLI, ...args], {
  cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' },
});

describe('release:transform', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('bumps the version, releases the changelog, commits and tags in one step', () => {
    dir = createRepo(CHANGELOG);
    const result = run(dir, 'minor');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toBe('released @sales/transform 0.1.0 -> 0.2.0, tag transform-v0.2.0\npublish with: git push --atomic origin HEAD transform-v0.2.0\n');
    expect(JSON.parse(readFileSync(path.join(dir, 'packages/transform/package.json'), 'utf8')).version).toBe('0.2.0');
    expect(JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).packages['packages/transform'].version).toBe('0.2.0');
    expect(readFileSync(path.join(dir, 'packages/transform/CHANGELOG.md'), 'utf8')).toMatch(/## \[Unreleased\]\n\n## \[0\.2\.0\] - \d{4}-\d{2}-\d{2}\n\n### Added\n\n- `toRow`/);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('chore(release): @sales/transform 0.2.0');
    expect(git(dir, 'describe', '--exact-match', 'HEAD')).toBe('transform-v0.2.0');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  test('--dry-run prints the plan and changes nothing', () => {
    dir = createRepo(CHANGELOG);
    const result = run(dir, 'patch', '--dry-run');
    expect(result.stdout).toBe('would release @sales/transform 0.1.0 -> 0.1.1, tag transform-v0.1.1\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'tag', '--list')).toBe('');
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
    expect(result.stderr).toMatch(/^release:transform: commit or stash these first:\n M packages\/transform\/CHANGELOG.md/);
  });

  test.each([[['huge']], [[]], [['patch', 'minor']], [['v1.0.0']]])('%j is a usage error (exit 2)', (args) => {
    dir = createRepo(CHANGELOG);
    const result = run(dir, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^release:transform: give one of patch, minor, major or a version x\.y\.z, received ".*" \(see --help\)\n$/);
  });

  test('an explicit current version releases a prepared "x.y.z - unreleased" section', () => {
    dir = createRepo('# Changelog\n\n## 0.1.0 - unreleased\n\n### Added\n- First release.\n');
    const result = run(dir, '0.1.0');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(path.join(dir, 'packages/transform/CHANGELOG.md'), 'utf8')).toMatch(/^# Changelog\n\n## \[Unreleased\]\n\n## \[0\.1\.0\] - \d{4}-\d{2}-\d{2}\n\n### Added\n- First release\.\n$/);
    expect(git(dir, 'describe', '--exact-match', 'HEAD')).toBe('transform-v0.1.0');
  });

  test('an unknown flag is a usage error naming it', () => {
    dir = createRepo(CHANGELOG);
    const result = run(dir, 'patch', '--force');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("release:transform: Unknown option '--force' (see --help)\n");
  });
});
