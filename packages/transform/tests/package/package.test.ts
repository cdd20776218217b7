/**
 * Tests @sales/transform as a consumer gets it: build, lint the package (publint, attw), pack the
 * tarball, install it offline into a fresh temporary project, then import it as ESM, as CommonJS
 * and from TypeScript (both declaration files). Slow (a build and an install): ~20 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixturesDir, repoRoot } from '../support/fixtures.js';

jest.setTimeout(180_000);

const packageDir = path.join(repoRoot, 'packages', 'transform');
const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);
const pipeEvent = path.join(fixturesDir, 'firehose-event-pipe-sales.json');

/** Run a command; on failure, throw with its output so the test report shows why. */
function run(file: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(file, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
  }
}

describe('published package', () => {
  let consumerDir = '';
  let tarball = '';
  let packedFiles: string[] = [];

  beforeAll(() => {
    run('npm', ['run', 'build', '--silent'], packageDir);
    consumerDir = mkdtempSync(path.join(os.tmpdir(), 'sales-transform-consumer-'));
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', consumerDir], packageDir)) as {
      filename: string;
      files: { path: string }[];
    }[];
    const first = packed[0];
    if (first === undefined) throw new Error('npm pack reported no tarball');
    tarball = path.join(consumerDir, first.filename);
    packedFiles = first.files.map((file) => file.path).sort();
    writeFileSync(
      path.join(consumerDir, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
    );
    // The package has no dependencies, so installing the local tarball needs no registry.
    run(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', tarball],
      consumerDir,
    );
  });

  afterAll(() => {
    if (consumerDir !== '') rmSync(consumerDir, { recursive: true, force: true });
  });

  test('ships only the build, README, CHANGELOG and package.json', () => {
    expect(packedFiles).toEqual([
      'CHANGELOG.md',
      'README.md',
      'dist/cjs/index.cjs',
      'dist/cjs/index.d.cts',
      'dist/esm/index.d.ts',
      'dist/esm/index.js',
      'package.json',
    ]);
  });

  test('publint reports nothing', () => {
    expect(run(bin('publint'), ['--strict', '.'], packageDir)).toContain('All good!');
  });

  test('are-the-types-wrong reports no problem for any resolution mode', () => {
    // attw --pack runs `npm pack` itself and works offline.
    const report = JSON.parse(run(bin('attw'), ['--pack', '.', '--format', 'json'], packageDir)) as {
      problems: Record<string, unknown>;
    };
    expect(report.problems).toEqual({});
  });

  test('imports as ESM and transforms the shared fixture', () => {
    const script = `import { transformFirehoseEvent } from '@sales/transform';
import { readFileSync } from 'node:fs';
const { summary } = transformFirehoseEvent(JSON.parse(readFileSync(process.argv[1], 'utf8')));
console.log(JSON.stringify({ ok: summary.ok, failed: summary.processingFailed }));`;
    expect(JSON.parse(run('node', ['--input-type=module', '-e', script, pipeEvent], consumerDir))).toEqual({
      ok: 4,
      failed: 0,
    });
  });

  test('requires as CommonJS, with the handler and the pure pieces', () => {
    const script = `const t = require('@sales/transform');
const { readFileSync } = require('node:fs');
const event = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const writeResult = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true; // the handler's summary line
t.handler(event).then((result) => {
  const text = t.decodeRecord(event.records[0].data);
  const change = t.parseChangeRecord(text.value);
  const row = t.toRow(change.value);
  const rows = new t.RowLineWriter();
  rows.write(change.value);
  const delivered = Buffer.from(result.records[0].data, 'base64').toString();
  writeResult(JSON.stringify({ records: result.records.length, same: [t.serializeRow(row.value), t.toRowLine(change.value).value, Buffer.from(rows.take()).toString()].every((line) => line === delivered) }));
});`;
    expect(JSON.parse(run('node', ['-e', script, pipeEvent], consumerDir))).toEqual({ records: 4, same: true });
  });

  test('type-checks TypeScript consumers against both declaration files', () => {
    const consumer = (
      flavour: string,
    ): string => `import { parseChangeRecord, RowLineWriter, toRow, toRowLine, serializeRow, transformFirehoseEvent, type FailureReason, type FirehoseTransformationEvent, type Parsed, type Row } from '@sales/transform';
const event: FirehoseTransformationEvent = { records: [{ recordId: '1', data: 'e30=' }] };
const { result, summary } = transformFirehoseEvent(event);
const reasons: FailureReason[] = Object.keys(summary.failuresByReason) as FailureReason[];
const change = parseChangeRecord('{}');
const row: Parsed<Row> = change.ok ? toRow(change.value) : change;
const line: string | undefined = row.ok ? serializeRow(row.value) : undefined;
const rowLine: Parsed<string> = change.ok ? toRowLine(change.value) : change;
const rows = new RowLineWriter();
const eventTime: Parsed<string> | undefined = change.ok ? rows.write(change.value) : undefined;
const bytes: Uint8Array = rows.take();
// @ts-expect-error result must be a Firehose status
const bad: typeof result.records[number]['result'] = 'Nope';
export const out = [${JSON.stringify(flavour)}, reasons, line, rowLine, eventTime, bytes.length, rows.lineCount, bad];
`;
    writeFileSync(path.join(consumerDir, 'esm.mts'), consumer('esm'));
    writeFileSync(path.join(consumerDir, 'cjs.cts'), consumer('cjs'));
    writeFileSync(
      path.join(consumerDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          types: [],
          skipLibCheck: false,
        },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(run('node', [tsc, '-p', 'tsconfig.json'], consumerDir)).toBe('');
  });
});
