import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nextVersion } from './bump-version';
import { releaseChangelog } from './release-changelog';

/** The package released by this script and where its files live, relative to the repository root. */
export const PACKAGE = { name: '@sales/transform', dir: 'packages/transform', tagPrefix: 'transform-v' } as const;

/** What {@link releaseTransform} did (or, with `dryRun`, would do). */
export interface ReleasePlan {
  readonly from: string;
  readonly to: string;
  readonly tag: string;
  readonly files: readonly string[];
}

function git(repoRoot: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();
}

/** What a release request leads to, before anything is checked or written. */
export interface RequestedRelease {
  readonly from: string;
  readonly to: string;
  /** Set when a bump would skip the current version although it was never tagged: the warning to show. */
  readonly skipsUnreleased?: string;
}

/**
 * Resolves a release request against the package's version and tags, without writing anything.
 *
 * @param repoRoot - the repository root
 * @param request - patch, minor, major, or an explicit version
 * @returns the versions, and a warning when a bump skips a version that was never released
 * @throws UsageError when `request` is not a kind or a valid version not lower than the current one
 * @example
 * planRelease(root, 'minor'); // package at 0.1.0, no tag transform-v0.1.0
 * //=> { from: '0.1.0', to: '0.2.0', skipsUnreleased: '0.1.0 was never released (no tag transform-v0.1.0): minor would skip it' }
 */
export function planRelease(repoRoot: string, request: string): RequestedRelease {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, PACKAGE.dir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const from = manifest.version;
  const to = nextVersion(from, request);
  const currentTag = `${PACKAGE.tagPrefix}${from}`;
  const isBump = to !== request;
  if (!isBump || git(repoRoot, 'tag', '--list', currentTag) !== '') return { from, to };
  return { from, to, skipsUnreleased: `${from} was never released (no tag ${currentTag}): ${request} would skip it` };
}

function setLockVersion(lockText: string, version: string): string {
  const lock = JSON.parse(lockText) as { packages?: Record<string, { version?: string }> };
  const entry = lock.packages?.[PACKAGE.dir];
  if (entry === undefined) throw new Error(`package-lock.json has no entry for ${PACKAGE.dir}: run npm install first`);
  entry.version = version;
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/**
 * Releases `@sales/transform` in one step: bumps its version (package.json and package-lock.json),
 * moves the CHANGELOG's Unreleased section under the new version, commits these files and creates
 * the annotated tag `transform-v<version>`, which the release workflow publishes once pushed.
 *
 * @param repoRoot - the repository root
 * @param request - patch, minor, major, or an explicit version (see {@link nextVersion})
 * @param options - `date` of the release (`YYYY-MM-DD`); `dryRun` computes the plan and changes nothing
 * @returns the versions, the tag and the files changed
 * @throws Error when the files to change have uncommitted edits, the tag exists, or the CHANGELOG
 *   has no Unreleased entry; nothing is written in that case
 */
export function releaseTransform(
  repoRoot: string,
  request: string,
  options: { date: string; dryRun: boolean },
): ReleasePlan {
  const manifestPath = path.join(PACKAGE.dir, 'package.json');
  const changelogPath = path.join(PACKAGE.dir, 'CHANGELOG.md');
  const files = [manifestPath, changelogPath, 'package-lock.json'];
  const dirty = git(repoRoot, 'status', '--porcelain', '--', ...files);
  if (dirty !== '') throw new Error(`commit or stash these first:\n${dirty}`);

  const manifestText = readFileSync(path.join(repoRoot, manifestPath), 'utf8');
  const from = (JSON.parse(manifestText) as { version: string }).version;
  const to = nextVersion(from, request);
  const tag = `${PACKAGE.tagPrefix}${to}`;
  if (git(repoRoot, 'tag', '--list', tag) !== '') throw new Error(`tag ${tag} already exists`);
  let changelog: string;
  try {
    changelog = readFileSync(path.join(repoRoot, changelogPath), 'utf8');
  } catch (error) {
    throw new Error(`${changelogPath} is missing: every release needs a changelog entry`, { cause: error });
  }
  const outputs = {
    [manifestPath]: manifestText.replace(/("version"\s*:\s*)"[^"]*"/, `$1"${to}"`),
    [changelogPath]: releaseChangelog(changelog, to, options.date),
    'package-lock.json': setLockVersion(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'), to),
  };
  if (options.dryRun) return { from, to, tag, files };

  for (const [file, text] of Object.entries(outputs)) writeFileSync(path.join(repoRoot, file), text);
  git(repoRoot, 'commit', '--quiet', '-m', `chore(release): ${PACKAGE.name} ${to}`, '--', ...files);
  git(repoRoot, 'tag', '--annotate', tag, '-m', `${PACKAGE.name} ${to}`);
  return { from, to, tag, files };
}
