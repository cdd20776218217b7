/**
 * Heading of the section that collects changes until the next release: `## [Unreleased]` (Keep a
 * Changelog), `## Unreleased`, or a prepared version marked `## [0.1.0] - unreleased`.
 */
const UNRELEASED = /^## (?:\[?Unreleased\]?|\[?\d+\.\d+\.\d+\]? - unreleased)[ \t]*$/im;

/**
 * Moves the `## [Unreleased]` section of a Keep a Changelog file under a new version heading
 * and leaves an empty Unreleased section above it.
 *
 * @param changelog - the CHANGELOG.md text
 * @param version - the version being released
 * @param date - the release date, `YYYY-MM-DD`
 * @returns the new CHANGELOG.md text
 * @throws Error when there is no Unreleased section, or it lists nothing (every release has an entry)
 * @see https://keepachangelog.com/en/1.1.0/
 * @example
 * releaseChangelog('# Changelog\n\n## [Unreleased]\n\n- Fix x\n', '1.0.1', '2026-01-02');
 * //=> '# Changelog\n\n## [Unreleased]\n\n## [1.0.1] - 2026-01-02\n\n- Fix x\n'
 */
export function releaseChangelog(changelog: string, version: string, date: string): string {
  const heading = UNRELEASED.exec(changelog);
  if (heading === null) throw new Error('CHANGELOG.md has no "## [Unreleased]" (or "## x.y.z - unreleased") section');
  const bodyStart = heading.index + heading[0].length;
  const next = changelog.slice(bodyStart).search(/^## /m);
  const bodyEnd = next === -1 ? changelog.length : bodyStart + next;
  const body = changelog.slice(bodyStart, bodyEnd).trim();
  if (body === '')
    throw new Error('the "## [Unreleased]" section of CHANGELOG.md is empty: describe the changes first');
  const rest = changelog.slice(bodyEnd);
  return `${changelog.slice(0, heading.index)}## [Unreleased]\n\n## [${version}] - ${date}\n\n${body}\n${rest === '' ? '' : `\n${rest}`}`;
}
