import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { useTemporaryFolder } from '@sales/testing';
import { localExportFiles } from '../../src/table/export-files.js';
import { countExportLines, exportLines } from '../../src/table/export-lines.js';
import { readExportManifest } from '../../src/table/export-manifest.js';
import { verifyExport } from '../../src/table/verify-export.js';
import { writeExportFolder } from '../support/export-folder.js';

const order = (i: number): Record<string, unknown> => ({
  order_id: `o-${i}`,
  total: i + 0.5,
  customer: { city: 'Lyon' },
});

describe('export manifest and verification', () => {
  const root = useTemporaryFolder('export-');
  let folder: string;
  let dataKeys: string[];
  beforeEach(() => {
    ({ folder, dataKeys } = writeExportFolder(root.path, {
      exportId: '01736937011000-abcd1234',
      table: 'orders',
      exportTime: '2025-01-15T10:30:11.028Z',
      files: [[order(1), order(2), order(3)], [], [order(4)]],
    }));
  });

  test('reads the summary and the files manifest, with data keys relative to the export folder', async () => {
    const manifest = await readExportManifest(localExportFiles(folder));
    expect(manifest).toMatchObject({
      exportId: '01736937011000-abcd1234',
      tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
      exportTimeMicros: Date.parse('2025-01-15T10:30:11.028Z') * 1000,
      itemCount: 4,
    });
    expect(manifest.files.map((file) => [file.key, file.itemCount])).toEqual([
      [dataKeys[0], 3],
      [dataKeys[1], 0],
      [dataKeys[2], 1],
    ]);
  });

  test('a whole export verifies, empty partition file included', async () => {
    const files = localExportFiles(folder);
    const result = await verifyExport(files, await readExportManifest(files));
    expect(result.problems).toEqual([]);
    expect(result.items).toBe(4);
  });

  test('a data file whose bytes changed fails its MD5 check', async () => {
    const files = localExportFiles(folder);
    const manifest = await readExportManifest(files);
    writeFileSync(
      join(folder, dataKeys[0] as string),
      gzipSync(`${JSON.stringify({ Item: { order_id: { S: 'x' } } })}\n`.repeat(3)),
    );
    const result = await verifyExport(files, manifest);
    expect(result.problems).toEqual([
      expect.stringMatching(new RegExp(`^${dataKeys[0]}: MD5 .+, the manifest says .+$`)),
    ]);
  });

  test('a missing data file is named', async () => {
    unlinkSync(join(folder, dataKeys[2] as string));
    const files = localExportFiles(folder);
    expect((await verifyExport(files, await readExportManifest(files))).problems).toEqual([`${dataKeys[2]}: missing`]);
  });

  test('counts that do not add up to the summary are refused', async () => {
    const path = join(folder, 'manifest-summary.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"itemCount":4', '"itemCount":5'));
    const files = localExportFiles(folder);
    expect((await verifyExport(files, await readExportManifest(files))).problems).toEqual([
      'manifest-files.json counts 4 items, manifest-summary.json 5',
    ]);
  });

  test('a file holding more lines than its itemCount is refused', async () => {
    const path = join(folder, 'manifest-files.json');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[0] = (lines[0] as string).replace('"itemCount":3', '"itemCount":2');
    writeFileSync(path, lines.join('\n'));
    const files = localExportFiles(folder);
    const { problems } = await verifyExport(files, await readExportManifest(files));
    expect(problems).toContain(`${dataKeys[0]}: 3 items, the manifest says 2`);
    expect(problems).toContain('manifest-files.json counts 3 items, manifest-summary.json 4');
  });

  test.each([
    [
      'an ION export',
      (s: string) => s.replace('"DYNAMODB_JSON"', '"ION"'),
      /outputFormat must be DYNAMODB_JSON, received "ION"/,
    ],
    [
      'an incremental export',
      (s: string) => s.replace('"outputFormat"', '"exportType":"INCREMENTAL_EXPORT","outputFormat"'),
      /exportType must be FULL_EXPORT/,
    ],
    ['a summary without an export id', (s: string) => s.replace(/\/export\/[^"]+"/, '"'), /exportArn has no export id/],
    ['a summary that is not JSON', () => 'not json', /not a JSON object/],
  ])('refuses %s', async (_case, edit, message) => {
    const path = join(folder, 'manifest-summary.json');
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    await expect(readExportManifest(localExportFiles(folder))).rejects.toThrow(message);
  });

  test('refuses a folder that holds no finished export', async () => {
    await expect(readExportManifest(localExportFiles(root.path))).rejects.toThrow(/no manifest-summary\.json/);
  });
});

describe('export lines', () => {
  const streamOf = (text: string): Readable => Readable.from([gzipSync(Buffer.from(text, 'utf8'))]);
  const itemLine = (id: string): string => `{"Item":{"order_id":{"S":"${id}"},"city":{"S":"Zürich"}}}`;

  // Data files end each line with \n (DynamoDB JSON, one item per line); blank lines and a last line without \n are
  // tolerated, and a whitespace-only tail is not an item.
  test.each([
    ['lines ending in \\n', `${itemLine('a')}\n${itemLine('b')}\n`, 2],
    ['a last line without \\n', `${itemLine('a')}\n${itemLine('b')}`, 2],
    ['blank lines', `\n${itemLine('a')}\n\n\n${itemLine('b')}\n\n`, 2],
    ['a whitespace-only tail', `${itemLine('a')}\n \t`, 1],
    ['an empty file', '', 0],
    ['a line longer than a decompressed chunk', `${itemLine('x'.repeat(600_000))}\n${itemLine('b')}`, 2],
  ])('counts as many items as it reads, with %s', async (_case, text, items) => {
    const read = { md5: '', bytes: 0 };
    const counted = { md5: '', bytes: 0 };
    const lines: string[] = [];

    for await (const batch of exportLines(streamOf(text), read)) lines.push(...batch);
    const count = await countExportLines(streamOf(text), counted);

    expect(lines.map((line) => (JSON.parse(line) as { Item: unknown }).Item)).toHaveLength(items);
    expect(count).toBe(items);
    expect(counted).toEqual(read);
    expect(read.md5).toBe(
      createHash('md5')
        .update(gzipSync(Buffer.from(text, 'utf8')))
        .digest('base64'),
    );
  });
});
