/**
 * The built sales-generator against dynalite: the table ends up exactly as the dry run planned.
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { useDynalite } from '@sales/testing';
import { parseCents } from '../../src/model/money';
import { runBin, runCommand, useBuiltCli } from '../support/cli-runner';
import { expectedItems, parseLines, plainItem } from '../support/expected-state';
import { localClient, scanTable } from '../support/table-scan';

jest.setTimeout(60_000);

const cli = useBuiltCli();
const dynalite = useDynalite();

const runArgs = (table: string, seed: string, count: number, extra: string[] = []): string[] => [
  '--endpoint',
  dynalite.endpoint,
  '--table',
  table,
  '--seed',
  seed,
  '--count',
  String(count),
  '--rate',
  '2000',
  '--concurrency',
  '4',
  '--create-table',
  '--json',
  '--quiet',
  ...extra,
];

describe('sales-generator against dynalite', () => {
  it('leaves the table exactly as the dry run planned, for two seeds sharing a table', async () => {
    // Arrange
    const planA = parseLines(
      (await runBin(cli.bin, ['--dry-run', '--seed', 'state-a', '--count', '400', '--quiet'])).stdout,
    );
    const planB = parseLines(
      (await runBin(cli.bin, ['--dry-run', '--seed', 'state-b', '--count', '250', '--quiet'])).stdout,
    );

    // Act
    const runA = await runBin(cli.bin, runArgs('orders-shared', 'state-a', 400));
    const runB = await runBin(cli.bin, runArgs('orders-shared', 'state-b', 250));

    // Assert
    expect([runA.code, runB.code]).toEqual([0, 0]);
    const summaryA = JSON.parse(runA.stdout) as { succeeded: number; failed: number; attempted: number; seed: string };
    expect(summaryA).toMatchObject({ seed: 'state-a', attempted: 400, succeeded: 400, failed: 0 });
    expect(JSON.parse(runB.stdout)).toMatchObject({ attempted: 250, succeeded: 250, failed: 0 });
    const expected = new Map([...expectedItems(planA), ...expectedItems(planB)]);
    expect(expected.size).toBe(expectedItems(planA).size + expectedItems(planB).size);
    const client = localClient(dynalite.endpoint);
    const actual = await scanTable(client, 'orders-shared');
    client.destroy();
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [orderId, item] of actual) expect(plainItem(item)).toEqual(expected.get(orderId));
    const deleted = planA.filter((line) => line.op === 'delete').map((line) => line.order_id);
    expect(deleted.length).toBeGreaterThan(0);
    for (const orderId of deleted) expect(actual.has(orderId)).toBe(false);
    expect(planA.some((line) => line.op === 'update')).toBe(true);
  });

  it('writes totals that add up to the cent and ISO timestamps', async () => {
    const run = await runBin(cli.bin, runArgs('orders-money', 'money', 120, ['--ttl-days', '30']));
    expect(run.code).toBe(0);
    const client = localClient(dynalite.endpoint);
    const items = await scanTable(client, 'orders-money');
    client.destroy();
    expect(items.size).toBeGreaterThan(0);
    for (const item of items.values()) {
      const lines = item.line_items?.L ?? [];
      const lineTotals = lines.map((line) => parseCents(line.M?.line_total?.N ?? ''));
      for (const [i, line] of lines.entries()) {
        expect(parseCents(line.M?.unit_price?.N ?? '') * Number(line.M?.quantity?.N)).toBe(lineTotals[i]);
      }
      const subtotal = parseCents(item.subtotal?.N ?? '');
      expect(lineTotals.reduce((a, b) => a + b, 0)).toBe(subtotal);
      expect(subtotal + parseCents(item.tax?.N ?? '') + parseCents(item.shipping?.N ?? '')).toBe(
        parseCents(item.total?.N ?? ''),
      );
      expect(item.created_at?.S).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const createdSeconds = Math.floor(Date.parse(item.created_at?.S ?? '') / 1000);
      expect(Number(item.expires_at?.N)).toBe(createdSeconds + 30 * 86_400);
    }
  });

  it('exits 1 without writing when the table is missing and --create-table is not given', async () => {
    const args = runArgs('orders-missing', 'missing', 10).filter((arg) => arg !== '--create-table');
    const run = await runBin(cli.bin, args);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/table "orders-missing" not found/);
  });

  it('exits 1 naming the wrong key schema, before writing anything', async () => {
    // A table keyed on another attribute: every write would be a ValidationException.
    const client = localClient(dynalite.endpoint);
    await client.send(
      new CreateTableCommand({
        TableName: 'orders-wrong-key',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    const run = await runBin(
      cli.bin,
      runArgs('orders-wrong-key', 'wrong', 30).filter((arg) => arg !== '--quiet'),
    );
    const items = await scanTable(client, 'orders-wrong-key');
    client.destroy();
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'sales-generator: table "orders-wrong-key" has the wrong key schema: found id (S, HASH), ' +
        'sales-generator writes order_id (S, HASH) only; nothing was written\n',
    );
    expect(items.size).toBe(0);
  });
});

describe('progress line', () => {
  it('shows a live progress line on a terminal and none when stderr is not a TTY', async () => {
    // `script` gives the child a pseudo-terminal; its stdout is the terminal transcript. It must be
    // spawned asynchronously: dynalite runs in this process and has to keep answering.
    // 300 operations at 300/s: about a second, several 250 ms progress ticks.
    const args = [
      ...runArgs('orders-tty', 'tty', 300).filter((arg) => arg !== '--json' && arg !== '--quiet'),
      '--rate',
      '300',
    ];
    const command = [process.execPath, cli.bin, ...args].map((arg) => `'${arg}'`).join(' ');
    const tty = await runCommand('script', ['-qfec', command, '/dev/null']);
    const piped = await runBin(
      cli.bin,
      runArgs('orders-piped', 'piped', 300).filter((arg) => arg !== '--json' && arg !== '--quiet'),
    );
    expect(tty.code).toBe(0);
    expect(tty.stdout).toMatch(/\r\x1b\[2K\d+\/300 ops {2}\d+\.\d ops\/s {2}retried \d+ {2}failed \d+/);
    expect(tty.stdout).toMatch(/done: table orders-tty, seed tty/);
    expect(piped.code).toBe(0);
    expect(piped.stderr).not.toContain('\r');
    expect(piped.stderr).toMatch(
      /^done: table orders-piped, seed piped\n {2}attempted 300 of 300 planned \(0 not sent\)\n/,
    );
  });
});
