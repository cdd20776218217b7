/**
 * Ctrl-C and SIGTERM: the first signal stops scheduling, drains in-flight writes, prints the summary and
 * exits 130 (SIGINT) or 143 (SIGTERM); a second signal exits at once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useDynalite } from '@sales/testing';
import { formatOperationLine } from '../../src/cli/operation-line';
import { planOperations } from '../../src/plan/plan';
import { startBin, useBuiltCli } from '../support/cli-runner';
import { ORDERS_KEY } from '../support/fake-endpoint';
import { expectedItems, parseLines, plainItem } from '../support/expected-state';
import { localClient, scanTable } from '../support/table-scan';

jest.setTimeout(60_000);

const cli = useBuiltCli();
const dynalite = useDynalite();

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

it.each([
  ['SIGINT', 130, 'interrupted'],
  ['SIGTERM', 143, 'terminated'],
] as const)('drains in-flight writes, prints the summary and on %s exits %i', async (signal, code, word) => {
  // Arrange
  const count = 100_000;
  const table = `orders-${signal.toLowerCase()}`;
  const client = localClient(dynalite.endpoint);
  const started = startBin(cli.bin, [
    '--endpoint',
    dynalite.endpoint,
    '--table',
    table,
    '--create-table',
    '--seed',
    'sigint',
    '--count',
    String(count),
    '--rate',
    '400',
    '--json',
  ]);

  // Act: interrupt once some orders are in the table.
  for (let polls = 0; polls < 200; polls++) {
    await sleep(50);
    const items = await scanTable(client, table).catch(() => new Map());
    if (items.size >= 20) break;
  }
  started.child.kill(signal);
  const run = await started.done;

  // Assert
  expect(run.code).toBe(code);
  const summary = JSON.parse(run.stdout) as {
    interrupted: boolean;
    attempted: number;
    succeeded: number;
    failed: number;
    notSent: number;
  };
  expect(summary).toMatchObject({
    interrupted: true,
    failed: 0,
    succeeded: summary.attempted,
    notSent: count - summary.attempted,
  });
  expect(summary.attempted).toBeGreaterThanOrEqual(20);
  expect(run.stderr).toContain(`sales-generator: ${word} (${signal}); finishing in-flight writes`);
  expect(run.stderr).toMatch(new RegExp(`^interrupted: table ${table}, seed sigint$`, 'm'));
  // Every operation released before the signal was applied, and none after it.
  const plan = planOperations('sigint', { count, startTimeMs: 0, rate: 400 });
  const expected = expectedItems(
    parseLines(plan.operations.slice(0, summary.attempted).map(formatOperationLine).join('\n')),
  );
  const actual = await scanTable(client, table);
  client.destroy();
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [orderId, item] of actual) expect(plainItem(item)).toEqual(expected.get(orderId));
});

it('exits 130 at once on a second SIGINT while writes are still in flight', async () => {
  // Arrange: an endpoint that says the table exists and then never answers a write.
  const held: (() => void)[] = [];
  const stuck: Server = createServer((req, res) => {
    if (String(req.headers['x-amz-target']).endsWith('.DescribeTable')) {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ Table: { TableName: 'orders', TableStatus: 'ACTIVE', ...ORDERS_KEY } }));
    } else held.push(() => res.destroy());
  });
  await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', () => resolve()));
  const endpoint = `http://127.0.0.1:${(stuck.address() as AddressInfo).port}`;
  let firstNoticed = false;
  const started = startBin(
    cli.bin,
    ['--endpoint', endpoint, '--table', 'orders', '--count', '50', '--rate', '100'],
    (chunk) => {
      firstNoticed ||= chunk.includes('Ctrl-C again to exit now');
    },
  );

  // Act
  while (held.length === 0 && started.child.exitCode === null) await sleep(20);
  started.child.kill('SIGINT');
  while (!firstNoticed && started.child.exitCode === null) await sleep(20);
  const stillRunning = started.child.exitCode === null;
  started.child.kill('SIGINT');
  const run = await started.done;
  for (const release of held) release();
  stuck.closeAllConnections();
  await new Promise<void>((resolve) => stuck.close(() => resolve()));

  // Assert
  expect(stillRunning).toBe(true);
  expect(run.code).toBe(130);
  expect(run.stderr).not.toMatch(/^interrupted: table/m);
});
