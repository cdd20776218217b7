import { bumpVersion } from '../../src/release/bump-version';
import { releaseChangelog } from '../../src/release/release-changelog';

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
    expect(releaseChangelog(changelog, '0.1.1', '2026-11-25')).toBe([
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
    ].join('\n'));
  });

  test('refuses a release without entries', () => {
    const released = releaseChangelog(changelog, '0.1.1', '2026-11-25');
    expect(() => releaseChangelog(released, '0.1.2', '2026-11-26')).toThrow(/Unreleased.*is empty/);
  });

  test('refuses a changelog without an Unreleased section', () => {
    expect(() => releaseChangelog('# Changelog\n', '1.0.0', '2026-11-25')).toThrow('CHANGELOG.md has no "## [Unreleased]" section');
  });
});
