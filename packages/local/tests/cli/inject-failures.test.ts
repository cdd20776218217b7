import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startDynalite, type LocalDynamoServer } from '../../src/dynamodb/dynalite-server';
import { runLocal } from './spawn-local';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

let home: string;
let dynalite: LocalDynamoServer;
beforeAll(async () => (dynalite = await startDynalite()));
afterAll(() => dynalite.stop());
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'sales-local-inject-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('npm run local --inject-failures', () => {
  test('writes Firehose error records, says the lake is NOT the table, exit 1, and leaves the table at --endpoint', async () => {
    const out = join(home, 'lake');

    const result = await runLocal([
      '--orders',
      '40',
      '--duplicates',
      '0',
      '--inject-failures',
      '0.3',
      '--out',
      out,
      '--endpoint',
      dynalite.endpoint,
      '--seed',
      'inject',
      '--quiet',
    ]);

    expect(result.code).toBe(1);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.status).toBe('failed');
    expect(summary.records_failed).toBeGreaterThan(0);
    expect(summary.records_failed_injected).toBe(summary.records_failed);
    expect(summary.records_delivered + summary.records_failed).toBe(summary.changes_captured);
    expect(summary.problems).toContain(
      `${summary.records_failed} records went to errors/processing-failed (${summary.records_failed} of them failed on purpose by --inject-failures)`,
    );
    expect(summary.problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^the lake is NOT equal to the table: .*; \`npm run replay -- --lake ${out}\` re-drives the error records$`,
        ),
      ),
    );
    expect(result.stdout).toContain('problem: the lake is NOT equal to the table');

    // Firehose's error-record format, one JSON line per failed record, under errors/processing-failed/.
    const lines = filesUnder(join(out, 'errors', 'processing-failed'))
      .flatMap((file) =>
        gunzipSync(readFileSync(file))
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== ''),
      )
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(summary.records_failed);
    for (const record of lines) {
      expect(Object.keys(record)).toEqual([
        'attemptsMade',
        'arrivalTimestamp',
        'errorCode',
        'errorMessage',
        'attemptEndingTimestamp',
        'rawData',
        'lambdaArn',
      ]);
      expect(record).toMatchObject({
        attemptsMade: 1,
        errorCode: 'Lambda.ProcessingFailedStatus',
        errorMessage: 'ProcessingFailed status set for record',
      });
      expect(JSON.parse(Buffer.from(record.rawData, 'base64').toString('utf8'))).toMatchObject({
        eventSource: 'aws:dynamodb',
        dynamodb: { Keys: { order_id: { S: expect.any(String) } } },
      });
    }

    // The table stays at the endpoint, so reconcile can be run against it.
    expect(summary.table).toMatchObject({ endpoint: dynalite.endpoint, kept: true });
    const client = new DynamoDBClient({
      endpoint: dynalite.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const scan = await client.send(new ScanCommand({ TableName: summary.table.table_name, Select: 'COUNT' }));
      expect(scan.Count).toBe(summary.table_items);
    } finally {
      client.destroy();
    }
  }, 120_000);
});
