import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '@sales/command-line';
import { claimOutFolder, OUT_MARKER, stageOutput } from '../../src/run/out-folder';

let out: string;
beforeEach(() => (out = mkdtempSync(join(tmpdir(), 'sales-local-outdir-'))));
afterEach(() => rmSync(out, { recursive: true, force: true }));

const write = (path: string, text: string) => {
  mkdirSync(join(out, path, '..'), { recursive: true });
  writeFileSync(join(out, path), text);
};

describe('claimOutFolder', () => {
  test('marks an empty folder', () => {
    claimOutFolder(out).release();
    expect(readdirSync(out)).toEqual([OUT_MARKER]);
  });

  test('refuses a folder with files and no marker, touching nothing', () => {
    write('notes.txt', 'mine');
    expect(() => claimOutFolder(out)).toThrow(UsageError);
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  test('puts back results a killed swap had moved aside, and removes a stale staging folder', () => {
    write(OUT_MARKER, '');
    write('.previous-run1/sales/a.json.gz', 'old lake');
    write('.previous-run1/summary.json', '{"old":true}');
    write('summary.json', '{"new":true}'); // already swapped in before the kill
    write('.staging-run2/sales/b.json.gz', 'half written');

    claimOutFolder(out).release();

    expect(readFileSync(join(out, 'sales', 'a.json.gz'), 'utf8')).toBe('old lake');
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{"new":true}');
    expect(readdirSync(out).sort()).toEqual([OUT_MARKER, 'sales', 'summary.json'].sort());
  });
});

describe('stageOutput', () => {
  test('publish replaces only the owned paths; discard leaves the previous results', () => {
    claimOutFolder(out).release();
    write('sales/old.json.gz', 'old');
    write('notes.txt', 'mine');

    const discarded = stageOutput(out, 'one');
    writeFileSync(join(discarded.dir, 'summary.json'), 'never');
    discarded.discard();
    expect(existsSync(join(out, 'summary.json'))).toBe(false);
    expect(readFileSync(join(out, 'sales', 'old.json.gz'), 'utf8')).toBe('old');

    const published = stageOutput(out, 'two');
    mkdirSync(join(published.dir, 'sales'));
    writeFileSync(join(published.dir, 'sales', 'new.json.gz'), 'new');
    writeFileSync(join(published.dir, 'summary.json'), '{}');
    published.publish();

    expect(readdirSync(join(out, 'sales'))).toEqual(['new.json.gz']);
    expect(readdirSync(out).sort()).toEqual([OUT_MARKER, 'notes.txt', 'sales', 'summary.json'].sort());
  });
});
