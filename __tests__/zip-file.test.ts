import { createHash } from 'node:crypto';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { zipFiles } from '../constructs/data-path/zip-file';

/** Read every entry with yauzl, an independent zip reader that checks headers, sizes and CRCs. */
function unzip(zip: Buffer): Promise<Array<{ name: string; content: Buffer; mode: number; date: Date }>> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true }, (error, file?: ZipFile) => {
      if (error || file === undefined) return reject(error);
      const entries: Array<{ name: string; content: Buffer; mode: number; date: Date }> = [];
      file.on('entry', (entry: Entry) => {
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || stream === undefined) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.push({
              name: entry.fileName,
              content: Buffer.concat(chunks),
              mode: (entry.externalFileAttributes >>> 16) & 0o777,
              date: entry.getLastModDate(),
            });
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(entries));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

describe('zipFiles', () => {
  const code = Buffer.from('"use strict";exports.handler=async()=>({records:[]}); // Zoë\n'.repeat(200), 'utf8');

  test('writes an archive that an independent reader unpacks to the same bytes', async () => {
    const entries = await unzip(
      zipFiles([
        { name: 'index.js', content: code },
        { name: 'lib/empty.txt', content: Buffer.alloc(0) },
      ]),
    );
    expect(
      entries.map((entry) => [
        entry.name,
        entry.content.equals(entry.name === 'index.js' ? code : Buffer.alloc(0)),
        entry.mode,
      ]),
    ).toEqual([
      ['index.js', true, 0o644],
      ['lib/empty.txt', true, 0o644],
    ]);
    expect(entries[0]!.date.getFullYear()).toBe(1980);
  });

  test('compresses', () => {
    expect(zipFiles([{ name: 'index.js', content: code }]).length).toBeLessThan(code.length / 4);
  });

  test('gives the same bytes for the same entries and different bytes for different content', () => {
    const hash = (zip: Buffer) => createHash('sha256').update(zip).digest('hex');
    expect(hash(zipFiles([{ name: 'index.js', content: code }]))).toBe(
      hash(zipFiles([{ name: 'index.js', content: Buffer.from(code) }])),
    );
    expect(hash(zipFiles([{ name: 'index.js', content: code }]))).not.toBe(
      hash(zipFiles([{ name: 'index.js', content: Buffer.concat([code, Buffer.from(' ')]) }])),
    );
  });
});
