import { bumpVersion, compareVersions, nextVersion } from '../../scripts/release/bump-version';
import { releaseChangelog } from '../../scripts/release/release-changelog';

describe('bumpVersion', () => {
  test.each([
    ['0.1.0', 'patch', '0.1.1'],
    ['0.1.9', 'minor', '0.2.0'],
    ['1.4.2', 'major', '2.0.0'],
    ['0.9.10', 'patch', '0.9.11'],
  ] as const)('%s + %s -> %s', (version, kind, expected) => expect(bumpVersion(version, kind)).toBe(expected));

  test.each(['1.0', '1.0.0-beta.1', 'v1.0.0', '01.0.0'])('rejects "%s"', (version) => {
    expect(() => bumpVersion(version, 'patch')).toThrow(`version must be MAJOR.MINOR.PATCH, received "${version}"`);
  });
});

describe('compareVersions', () => {
  test.each([
    ['0.10.0', '0.9.1', 1],
    ['1.0.0', '1.0.0', 0],
    ['1.2.3', '1.10.0', -1],
  ])('%s vs %s -> %i', (a, b, expected) => expect(compareVersions(a, b)).toBe(expected));
});

describe('nextVersion', () => {
  test.each([
    ['0.1.0', 'patch', '0.1.1'],
    ['0.1.0', '0.1.0', '0.1.0'],
    ['0.1.0', '1.0.0', '1.0.0'],
  ])('%s with %s -> %s', (current, request, expected) => expect(nextVersion(current, request)).toBe(expected));

  test('refuses to go back', () => {
    expect(() => nextVersion('0.2.0', '0.1.9')).toThrow('version 0.1.9 is lower than the current 0.2.0');
  });

  test('refuses anything else', () => {
    expect(() => nextVersion('0.2.0', 'next')).toThrow(
      'give one of patch, minor, major or a version x.y.z, received "next"',
    );
  });
});

describe('releaseChangelog', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '### Fixed',
    '',
    '- Keep the digits of 38-digit numbers.',
    '',
    '## [0.1.0] - 2026-11-01',
    '',
    '- First release.',
    '',
  ].join('\n');

  test('moves the Unreleased entries under the new version and keeps older releases', () => {
    expect(releaseChangelog(changelog, '0.1.1', '2026-11-25')).toBe(
      [
        '# Changelog',
        '',
        '## [Unreleased]',
        '',
        '## [0.1.1] - 2026-11-25',
        '',
        '### Fixed',
        '',
        '- Keep the digits of 38-digit numbers.',
        '',
        '## [0.1.0] - 2026-11-01',
        '',
        '- First release.',
        '',
      ].join('\n'),
    );
  });

  test('refuses a release without entries', () => {
    const released = releaseChangelog(changelog, '0.1.1', '2026-11-25');
    expect(() => releaseChangelog(released, '0.1.2', '2026-11-26')).toThrow(/Unreleased.*is empty/);
  });

  test('refuses a changelog without an Unreleased section', () => {
    expect(() => releaseChangelog('# Changelog\n', '1.0.0', '2026-11-25')).toThrow(
      'CHANGELOG.md has no "## [Unreleased]"',
    );
  });

  test.each(['## 0.1.0 - unreleased', '## [0.1.0] - Unreleased', '## Unreleased'])(
    'accepts the heading "%s"',
    (heading) => {
      const released = releaseChangelog(
        `# Changelog\n\n${heading}\n\n### Added\n- First release.\n`,
        '0.1.0',
        '2026-11-25',
      );
      expect(released).toBe(
        '# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-11-25\n\n### Added\n- First release.\n',
      );
    },
  );
});
