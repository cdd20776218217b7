/**
 * Throttling injected between the built CLI and dynalite: every throttled operation is retried
 * exactly once per injection, nothing is lost, and the summary counts it.
 */
import { useDynalite } from '@sales/testing';
import { runBin, useBuiltCli } from '../support/cli-runner';
import { expectedItems, parseLines, plainItem } from '../support/expected-state';
import { localClient, scanTable } from '../support/table-scan';
import { startThrottlingProxy, type ThrottlingProxy } from '../support/throttling-proxy';

jest.setTimeout(60_000);

const cli = useBuiltCli();
const dynalite = useDynalite();
let proxy: ThrottlingProxy;

beforeAll(async () => {
  proxy = await startThrottlingProxy(dynalite.endpoint, 3);
});

afterAll(async () => {
  await proxy.close();
});

interface JsonSummary {
  attempted: number;
  succeeded: number;
  failed: number;
  retried: number;
  throttled: number;
  requests: number;
}

it.each([
  ['batched and concurrent', ['--concurrency', '4', '--batch-size', '25'], 'throttle-batched'],
  ['one request per operation', ['--concurrency', '1', '--batch-size', '1'], 'throttle-single'],
])('retries throttled and unprocessed writes (%s) and counts each retry', async (_name, flags, table) => {
  // Arrange
  const seed = `throttle-${table}`;
  const plan = parseLines((await runBin(cli.bin, ['--dry-run', '--seed', seed, '--count', '240', '--quiet'])).stdout);
  const before = { ...proxy.injected };

  // Act
  const run = await runBin(cli.bin, [
    '--endpoint',
    proxy.endpoint,
    '--table',
    table,
    '--create-table',
    '--seed',
    seed,
    '--count',
    '240',
    '--rate',
    '3000',
    '--json',
    ...flags,
  ]);

  // Assert
  expect(run.code).toBe(0);
  const summary = JSON.parse(run.stdout) as JsonSummary;
  const injectedRequests = proxy.injected.requests - before.requests;
  const injectedOperations = proxy.injected.operations - before.operations;
  expect(injectedRequests).toBeGreaterThan(10);
  expect(summary).toMatchObject({ attempted: 240, succeeded: 240, failed: 0 });
  expect(summary.retried).toBe(injectedOperations);
  expect(summary.throttled).toBe(injectedRequests);
  expect(run.stderr).toMatch(new RegExp(`retried ${summary.retried}`));
  const client = localClient(dynalite.endpoint);
  const actual = await scanTable(client, table);
  client.destroy();
  const expected = expectedItems(plan);
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [orderId, item] of actual) expect(plainItem(item)).toEqual(expected.get(orderId));
});
