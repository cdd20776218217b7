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
