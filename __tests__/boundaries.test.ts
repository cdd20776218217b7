import { join } from 'node:path';
import { checkBoundaries, formatFindings } from './boundaries/check-boundaries';
import { readRepositorySources } from './boundaries/read-repository-sources';

// The package rules ARCHITECTURE.md states, enforced: packages import each other by name, never by a relative
// path, and the folders of a package's src import each other in one direction only.

describe('package boundaries', () => {
  const findings = checkBoundaries(readRepositorySources(join(__dirname, '..')));

  test('reads the whole repository', () => {
    expect(findings.files).toBeGreaterThan(500);
    expect(findings.relativeImports).toBeGreaterThan(1000);
  });

  test('no relative import leaves its package, and no folders of a package src import each other in a cycle', () => {
    expect(formatFindings(findings)).toBe('');
  });
});
