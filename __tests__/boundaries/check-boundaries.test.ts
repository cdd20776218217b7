import { checkBoundaries, formatFindings, type SourceFile } from './check-boundaries';
import { findModuleReferences } from './module-references';
import { folderUnitOf, OUTSIDE, packageOf, ROOT_APP } from './repository-layout';

/** A small repository: path -> content. */
const repo = (files: Record<string, string>): SourceFile[] =>
  Object.entries(files).map(([path, text]) => ({ path, text }));

describe('findModuleReferences', () => {
  test('finds every way a file names a module, with its line', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "export * from './d';",
      "import e = require('./e');",
      "const f = await import('./f');",
      "const g = require('./g');",
      "const h = require.resolve('./h');",
      "jest.mock('./i', () => ({ ...jest.requireActual('./j') }));",
      "type K = import('./k').K;",
      'const l = require(`./l`);',
    ].join('\n');
    expect(findModuleReferences('x.ts', text)).toEqual([
      { specifier: './a.js', line: 1 },
      { specifier: '../b', line: 2 },
      { specifier: './c', line: 3 },
      { specifier: './d', line: 4 },
      { specifier: './e', line: 5 },
      { specifier: './f', line: 6 },
      { specifier: './g', line: 7 },
      { specifier: './h', line: 8 },
      { specifier: './i', line: 9 },
      { specifier: './j', line: 9 },
      { specifier: './k', line: 10 },
      { specifier: './l', line: 11 },
    ]);
  });

  test('reads JavaScript files and ignores paths that are not module references', () => {
    const text = "const { join } = require('node:path');\nconst events = join(__dirname, '../../other/events');";
    expect(findModuleReferences('bin/x.cjs', text)).toEqual([{ specifier: 'node:path', line: 1 }]);
  });
});

describe('repository layout', () => {
  test.each([
    ['packages/lake-ops/src/cli.ts', 'packages/lake-ops'],
    ['packages/lake-ops/tests/unit/x.test.ts', 'packages/lake-ops'],
    ['packages/transform/scripts/lambda-bundle.ts', 'packages/transform'],
    ['constructs/data-path/transform-bundle.ts', ROOT_APP],
    ['__tests__/x.test.ts', ROOT_APP],
    ['main.ts', ROOT_APP],
    ['../elsewhere/x.ts', OUTSIDE],
  ])('%s belongs to %s', (path, expected) => {
    expect(packageOf(path)).toBe(expected);
  });

  test.each([
    ['packages/a/src/athena/run-query.ts', 'packages/a/src/athena'],
    ['packages/a/src/replay/dlq/put-records.ts', 'packages/a/src/replay/dlq'],
    ['packages/a/src/index.ts', 'packages/a/src/index.ts'],
    ['packages/a/tests/unit/x.test.ts', undefined],
    ['constructs/x.ts', 'constructs/x.ts'],
    ['constructs/security/policy-aspect.ts', 'constructs/security'],
    ['main.ts', undefined],
  ])('%s counts as %s in the folder graph', (path, expected) => {
    expect(folderUnitOf(path)).toBe(expected);
  });
});

describe('checkBoundaries', () => {
  test('reports a relative import from one package into another, or from the root app into a package', () => {
    const findings = checkBoundaries(
      repo({
        'packages/a/src/x.ts': 'export const x = 1;',
        'packages/b/tests/x.test.ts': "import { x } from '../../a/src/x';\nimport { y } from '../src/y';",
        'packages/b/src/y.ts': "export { x } from '@sales/a';",
        'constructs/z.ts': "\n\nimport { x } from '../packages/a/src/x.js';",
        'packages/a/bench/w.ts': "import { z } from '../../../constructs/z';",
      }),
    );
    expect(findings.leaks).toEqual([
      { file: 'constructs/z.ts', line: 3, specifier: '../packages/a/src/x.js', target: 'packages/a/src/x.ts' },
      { file: 'packages/a/bench/w.ts', line: 1, specifier: '../../../constructs/z', target: 'constructs/z.ts' },
      { file: 'packages/b/tests/x.test.ts', line: 1, specifier: '../../a/src/x', target: 'packages/a/src/x.ts' },
    ]);
    expect(findings.cycles).toEqual([]);
  });

  test('the root app is one package: main.ts, constructs, scripts, __tests__ and bootstrap import each other freely', () => {
    const findings = checkBoundaries(
      repo({
        'main.ts': "import { s } from './constructs/s';",
        'constructs/s.ts': 'export const s = 1;',
        '__tests__/s.test.ts': "import { s } from '../constructs/s';\nimport { b } from '../bootstrap/main';",
        'bootstrap/main.ts': "import { run } from '../scripts/run';",
        'scripts/run.ts': 'export const run = 1;',
      }),
    );
    expect(findings).toMatchObject({ relativeImports: 4, leaks: [], cycles: [] });
  });

  test('reports two folders of a src that import each other, naming every import between them', () => {
    const findings = checkBoundaries(
      repo({
        'packages/a/src/athena/lake-side.ts': "import { LakeSide } from '../reconcile/lake-side.js';",
        'packages/a/src/reconcile/lake-side.ts': 'export interface LakeSide {}',
        'packages/a/src/reconcile/open.ts': "\nimport { athena } from '../athena/lake-side.js';",
      }),
    );
    expect(findings.leaks).toEqual([]);
    expect(findings.cycles).toEqual([
      {
        folders: ['packages/a/src/athena', 'packages/a/src/reconcile'],
        imports: [
          {
            file: 'packages/a/src/athena/lake-side.ts',
            line: 1,
            specifier: '../reconcile/lake-side.js',
            target: 'packages/a/src/reconcile/lake-side.ts',
          },
          {
            file: 'packages/a/src/reconcile/open.ts',
            line: 2,
            specifier: '../athena/lake-side.js',
            target: 'packages/a/src/athena/lake-side.ts',
          },
        ],
      },
    ]);
  });

  test('reports a longer cycle, through a file that sits in src itself', () => {
    const findings = checkBoundaries(
      repo({
        'packages/a/src/probe.ts': "import { PreconditionError } from './backfill/preconditions';",
        'packages/a/src/backfill/preconditions.ts': "import { e } from '../table/export';",
        'packages/a/src/table/export.ts': "import { probe } from '../probe';",
      }),
    );
    expect(findings.cycles.map((cycle) => cycle.folders)).toEqual([
      ['packages/a/src/backfill', 'packages/a/src/probe.ts', 'packages/a/src/table'],
    ]);
    expect(findings.cycles[0]?.imports).toHaveLength(3);
  });

  test('accepts one direction between folders, an index that imports every folder, and imports inside one folder', () => {
    const findings = checkBoundaries(
      repo({
        'packages/a/src/index.ts': "export * from './lake/store';\nexport * from './reconcile/run';",
        'packages/a/src/types.ts': 'export type T = string;',
        'packages/a/src/lake/store.ts': "import type { T } from '../types';\nimport { s } from './store-shape';",
        'packages/a/src/lake/store-shape.ts': 'export const s = 1;',
        'packages/a/src/reconcile/run.ts':
          "import { s } from '../lake/store-shape';\nimport type { T } from '../types';",
        'packages/a/tests/run.test.ts': "import { run } from '../src/reconcile/run';",
        'packages/a/src/lake/nested/deep.ts': "import { s } from '../store-shape';",
      }),
    );
    expect(findings).toMatchObject({ leaks: [], cycles: [] });
  });

  test('does not count a cycle between folders of two different packages as a folder cycle (it is two leaks)', () => {
    const findings = checkBoundaries(
      repo({
        'packages/a/src/x/x.ts': "import { y } from '../../../b/src/y/y';",
        'packages/b/src/y/y.ts': "import { x } from '../../../a/src/x/x';",
      }),
    );
    expect(findings.leaks).toHaveLength(2);
    expect(findings.cycles).toEqual([]);
  });

  test('words each finding as file:line -> specifier (target), and nothing when all is well', () => {
    const findings = checkBoundaries(
      repo({
        'constructs/h.ts': "import { handler } from '../packages/t/src/index';",
        'packages/a/src/x/x.ts': "import { y } from '../y/y';",
        'packages/a/src/y/y.ts': "import { x } from '../x/x';",
      }),
    );
    expect(formatFindings(findings).split('\n')).toEqual([
      '1 relative import(s) leave their package (import the package by name):',
      '  constructs/h.ts:1 -> ../packages/t/src/index (packages/t/src/index)',
      'folder cycle: packages/a/src/x <-> packages/a/src/y (move the shared concept to one home), through:',
      '  packages/a/src/x/x.ts:1 -> ../y/y (packages/a/src/y/y.ts)',
      '  packages/a/src/y/y.ts:1 -> ../x/x (packages/a/src/x/x.ts)',
    ]);
    expect(formatFindings(checkBoundaries(repo({ 'main.ts': "import './constructs/s';" })))).toBe('');
  });
});
