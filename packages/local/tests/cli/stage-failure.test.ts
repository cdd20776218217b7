import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynalite, type LocalDynamoServer } from '../../src/dynamodb/dynalite-server';
import { runLocal } from './spawn-local';

/** Forwards everything to dynalite except item writes, which get a DynamoDB-shaped 400 (a broken table). */
function rejectingWrites(target: URL): Server {
  return createServer((incoming, answer) => {
    const operation = String(incoming.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    if (['BatchWriteItem', 'PutItem', 'UpdateItem', 'DeleteItem'].includes(operation)) {
      incoming.resume();
      answer.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'test' });
      answer.end(
        JSON.stringify({
          __type: 'com.amazon.coral.validate#ValidationException',
          message: 'writes are rejected by this test',
        }),
      );
      return;
    }
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (reply) => {
        answer.writeHead(reply.statusCode ?? 500, reply.headers);
        reply.pipe(answer);
      },
    );
    incoming.pipe(forward);
  });
}

let home: string;
let dynalite: LocalDynamoServer;
let proxy: Server;
let endpoint: string;
beforeAll(async () => {
  dynalite = await startDynalite();
  proxy = rejectingWrites(new URL(dynalite.endpoint));
  await new Promise<void>((ready) => proxy.listen(0, '127.0.0.1', ready));
  endpoint = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise<void>((done) => proxy.close(() => done()));
  await dynalite.stop();
});
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'sales-local-stage-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('npm run local, when a stage fails', () => {
  test('marks it failed with the cause, skips the later stages, exit 1, summary.json says so', async () => {
    const out = join(home, 'lake');

    const result = await runLocal(['--orders', '5', '--out', out, '--endpoint', endpoint, '--seed', 'broken-table']);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^✗ generate \+ capture +FAILED: \d+ of \d+ writes failed \(ValidationException \d+\)/m,
    );
    expect(result.stderr).not.toContain('✓ generate + capture');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.status).toBe('failed');
    expect(summary.stages.map((stage: { name: string; status: string }) => `${stage.name}:${stage.status}`)).toEqual([
      'database:done',
      'generate_and_capture:failed',
      'scan:skipped',
      'deliver_and_merge:skipped',
      'deliver_recent:skipped',
      'crawl:skipped',
      'query:skipped',
      'live:skipped',
      'checks:skipped',
    ]);
    expect(summary.problems).toEqual([
      expect.stringMatching(/^stage generate_and_capture failed: .*ValidationException.*; later stages did not run$/),
    ]);
    expect(result.stdout).toContain('run failed after');
    expect(result.stdout).toContain('problem: stage generate_and_capture failed');
  }, 120_000);
});
