import { DuckDBInstance } from '@duckdb/node-api';
import { useTemporaryFolder } from '@sales/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GzipBody } from '../../src/firehose/gzip-body';
import { LakeWriter } from '../../src/firehose/lake-writer';
import { S3Destination } from '../../src/firehose/s3-destination';

/** JSON lines of about 3.4 MiB: more than three of the body's 1 MiB segments. */
const LINES = Array.from(
  { length: 40_000 },
  (_, i) => `${JSON.stringify({ order_id: `o-${i}`, pad: 'x'.repeat(i % 97) })}\n`,
);

const lake = useTemporaryFolder('gzip-body-');

describe('GzipBody', () => {
  test('a body of many segments is one GZIP member every reader inflates whole', async () => {
    const body = new GzipBody();
    for (const line of LINES) body.append(Buffer.from(line));
    const writer = new LakeWriter(lake.path);
    writer.writeGzip('sales/part-1.json.gz', body);
    const bytes = readFileSync(join(lake.path, 'sales', 'part-1.json.gz'));

    expect(body.size).toBe(Buffer.byteLength(LINES.join('')));
    expect(body.size).toBeGreaterThan(3 * 1024 * 1024);
    expect(gunzipSync(bytes).toString()).toBe(LINES.join(''));
    // The reader of the local Athena and the local merge.
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, max(length(pad))::INTEGER AS widest FROM read_json('${join(lake.path, 'sales', '*.json.gz')}', format = 'newline_delimited')`,
    );
    expect(reader.getRowObjectsJson()).toEqual([{ n: 40_000, widest: 96 }]);
    connection.closeSync();
    db.closeSync();
  });

  test('a body of one segment is byte for byte what gzipSync writes, and an empty one too', () => {
    const small = new GzipBody();
    small.append(Buffer.from('{"a":1}\n'));
    small.append(Buffer.from('{"a":2}\n'));

    expect(small.finish()).toEqual(gzipSync(Buffer.from('{"a":1}\n{"a":2}\n')));
    expect(new GzipBody().finish()).toEqual(gzipSync(Buffer.alloc(0)));
  });
});

describe('S3Destination', () => {
  /** Each object's content, by name order (object names start with the arrival time of their oldest record). */
  const objectTexts = (): string[] => {
    const folder = join(lake.path, 'p');
    return readdirSync(folder)
      .sort()
      .map((name) => gunzipSync(readFileSync(join(folder, name))).toString());
  };

  test('a record that overflows the buffer starts the next object; one that fills it ends its own', () => {
    const destination = new S3Destination(new LakeWriter(lake.path), { sizeBytes: 10, intervalMs: 60_000 }, 's', '.gz');
    destination.add('p/', Buffer.from('aaaaaa'), 1_000, 1_000);
    destination.add('p/', Buffer.from('bbbbbb'), 2_000, 2_000);
    destination.add('p/', Buffer.from('cccc'), 3_000, 3_000);
    destination.add('p/', Buffer.from('d'), 4_000, 4_000);

    expect(objectTexts()).toEqual(['aaaaaa', 'bbbbbbcccc']);
    destination.drain();
    expect(objectTexts()).toEqual(['aaaaaa', 'bbbbbbcccc', 'd']);
  });
});
