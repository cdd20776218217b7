import { UsageError } from '@sales/command-line';

/** Which part of a semantic version a release increments. */
export type ReleaseKind = 'patch' | 'minor' | 'major';

/** The release kinds, for usage messages and validation. */
export const RELEASE_KINDS: readonly ReleaseKind[] = ['patch', 'minor', 'major'];

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * Increments a `MAJOR.MINOR.PATCH` version; lower parts reset to 0.
 *
 * @param version - the current version, without pre-release or build suffix
 * @param kind - the part to increment
 * @returns the next version
 * @throws Error when `version` is not `MAJOR.MINOR.PATCH`
 * @example
 * bumpVersion('0.1.9', 'minor'); //=> '0.2.0'
 */
export function bumpVersion(version: string, kind: ReleaseKind): string {
  const match = SEMVER.exec(version);
  if (match === null) throw new Error(`version must be MAJOR.MINOR.PATCH, received "${version}"`);
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  if (kind === 'major') return `${major + 1}.0.0`;
  if (kind === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * Compares two `MAJOR.MINOR.PATCH` versions.
 *
 * @returns negative, zero or positive as `a` is lower than, equal to or higher than `b`
 * @throws Error when either is not `MAJOR.MINOR.PATCH`
 * @example
 * compareVersions('0.10.0', '0.9.1'); //=> 1
 */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string): number[] => {
    const match = SEMVER.exec(version);
    if (match === null) throw new Error(`version must be MAJOR.MINOR.PATCH, received "${version}"`);
    return match.slice(1).map(Number);
  };
  const [left, right] = [parse(a), parse(b)];
  for (let index = 0; index < 3; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/**
 * The version a release request leads to: a kind bumps the current version; an explicit version
 * is taken as is (the current one itself releases a version prepared but never published).
 *
 * @param current - the package's version
 * @param request - `patch`, `minor`, `major` or an explicit `MAJOR.MINOR.PATCH`
 * @returns the version to release
 * @throws UsageError when `request` is neither, or is an explicit version lower than `current`
 * @example
 * nextVersion('0.1.0', 'patch'); //=> '0.1.1'
 * nextVersion('0.1.0', '0.1.0'); //=> '0.1.0'
 */
export function nextVersion(current: string, request: string): string {
  if ((RELEASE_KINDS as readonly string[]).includes(request)) return bumpVersion(current, request as ReleaseKind);
  if (!SEMVER.test(request))
    throw new UsageError(`give one of patch, minor, major or a version x.y.z, received "${request}"`);
  if (compareVersions(request, current) < 0)
    throw new UsageError(`version ${request} is lower than the current ${current}, received "${request}"`);
  return request;
}
