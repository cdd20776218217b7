/**
 * Dead and misbehaving endpoints: the built CLI names each cause, stops within --give-up-after, says so in
 * the summary and exits 1; a table with the wrong key schema is named before anything is written.
 */
import { runBin, runBinAsUser, startBin, useBuiltCli } from '../support/cli-runner';
import { closedPortEndpoint, startDynamoEndpoint, startSilentTcpServer } from '../support/fake-endpoint';

jest.setTimeout(60_000);

const cli = useBuiltCli();

interface JsonSummary {
  attempted: number;
  succeeded: number;
  notSent: number;
  throttled: number;
  retryCauses: Record<string, number>;
  failures: Record<string, number>;
  gaveUp?: { cause: string; unreachableForMs: number };
}

const run = (endpoint: string, extra: readonly string[] = []) => [
  '--endpoint',
  endpoint,
  '--table',
  'orders',
  '--seed',
  'dead',
  '--give-up-after',
  '2',
  '--count',
  '100000',
  '--rate',
  '200',
  '--batch-size',
  '1',
  ...extra,
];

describe('before the first write', () => {
  it('names a refused connection (closed port) and the flag to check, exit 1', async () => {
    const result = await runBin(cli.bin, run(await closedPortEndpoint()));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^sales-generator: table "orders" is unreachable \(connection-refused\): .*ECONNREFUSED.*; check --endpoint and --region\n$/,
    );
  });

  it('names a timeout when the endpoint accepts connections and never answers, exit 1', async () => {
    const silent = await startSilentTcpServer();
    const result = await runBin(cli.bin, run(silent.endpoint));
    await silent.close();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^sales-generator: table "orders" is unreachable \(timeout\): TimeoutError: .*; check --endpoint and --region\n$/,
    );
  });

  it('names a table with the wrong key schema and writes nothing, exit 1', async () => {
    const legacy = await startDynamoEndpoint('succeed', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
    });
    // As a user runs it: without the variable that turns the AWS SDK's Node-version warning off.
    const result = await runBinAsUser(cli.bin, run(legacy.endpoint));
    const writes = legacy.writes();
    await legacy.close();
    expect(result.code).toBe(1);
    // Exactly one line: no NodeVersionSupportWarning from the AWS SDK on Node 20.
    expect(result.stderr).toBe(
      'sales-generator: table "orders" has the wrong key schema: found pk (S, HASH), sk (S, RANGE), ' +
        'sales-generator writes order_id (S, HASH) only; nothing was written\n',
    );
    expect(writes).toBe(0);
  });
});

describe('during the run', () => {
  it('gives up after --give-up-after when the endpoint goes away, counting refused connections by name', async () => {
    // Arrange: an endpoint that takes writes, then stops listening once some arrived.
    const server = await startDynamoEndpoint('succeed');
    const started = startBin(cli.bin, run(server.endpoint, ['--json']));
    while (server.writes() < 20) await new Promise((resolve) => setTimeout(resolve, 20));

    // Act
    await server.close();
    const result = await started.done;

    // Assert
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as JsonSummary;
    expect(summary.gaveUp?.cause).toBe('connection-refused');
    expect(summary.gaveUp?.unreachableForMs).toBeGreaterThanOrEqual(2_000);
    expect(summary.retryCauses['connection-refused']).toBeGreaterThan(0);
    expect(summary.throttled).toBe(0);
    expect(summary.succeeded).toBeGreaterThanOrEqual(20);
    expect(summary.notSent).toBeGreaterThan(90_000);
    expect(result.stderr).toMatch(/^stopped: table orders, seed dead$/m);
    expect(result.stderr).toMatch(/retried requests by cause: .*connection-refused \d+/);
    expect(result.stderr).toMatch(
      /gave up: the endpoint gave no answer for \d+\.\d s \(connection-refused\); \d+ operations not sent/,
    );
  });

  it('gives up after --give-up-after when writes hang, naming the timeout', async () => {
    const server = await startDynamoEndpoint('hang');
    const result = await runBin(cli.bin, run(server.endpoint, ['--json']));
    await server.close();
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as JsonSummary;
    expect(summary.gaveUp?.cause).toBe('timeout');
    expect(summary.retryCauses.timeout).toBeGreaterThan(0);
    expect(summary.succeeded).toBe(0);
    expect(summary.failures.EndpointUnreachable).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/gave up: the endpoint gave no answer for \d+\.\d s \(timeout\)/);
  });
});
