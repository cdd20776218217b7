/**
 * `sales-lake reconcile --publish-metric`, run in-process against dynalite and a local lake with drift planted, with
 * CloudWatch mocked: one datum exactly per DRIFT_METRIC after a complete run, none after an interrupted or failed one.
 */
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DRIFT_METRIC } from '@sales/pipeline-spec';
import { mockClient } from 'aws-sdk-client-mock';
import { useTemporaryFolder } from '@sales/testing';
import { runReconcile } from '../../src/reconcile/reconcile-command.js';
import { useOrdersDynalite } from '../support/orders-dynalite.js';
import { orderItem } from '../support/orders-table.js';
import { changeLine, writeLakeObject } from '../support/lake-changes.js';

const ITEMS = 6;
const HOUR_AGO = (Date.now() - 3_600_000) * 1000;

describe('sales-lake reconcile --publish-metric', () => {
  const cloudwatch = mockClient(CloudWatchClient);
  const dynalite = useOrdersDynalite({ orders: ITEMS });
  const lake = useTemporaryFolder('reconcile-metric-');
  let output: string[];
  const saved = { ...process.env };

  beforeAll(() => {
    Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
  });
  afterAll(() => {
    process.env = saved;
  });
  beforeEach(() => {
    cloudwatch.reset();
    // The lake lacks o-000000 and o-000001: two keys missing_in_lake.
    writeLakeObject(
      lake.path,
      'inserts',
      Array.from({ length: ITEMS - 2 }, (_, index) => changeLine('insert', orderItem(index + 2), HOUR_AGO)),
    );
    output = [];
    jest.spyOn(process.stdout, 'write').mockImplementation(((text: string, callback?: () => void) => {
      output.push(`stdout:${text}`);
      callback?.();
      return true;
    }) as typeof process.stdout.write);
    jest.spyOn(process.stderr, 'write').mockImplementation(((text: string) => {
      output.push(`stderr:${text}`);
      return true;
    }) as typeof process.stderr.write);
  });
  afterEach(() => jest.restoreAllMocks());

  const args = (...extra: string[]): string[] => [
    '--table',
    'orders',
    '--endpoint',
    dynalite.endpoint,
    '--lake',
    lake.path,
    '--publish-metric',
    ...extra,
  ];
  const datum = (value: number) => ({
    Namespace: 'SalesPipeline/Lake',
    MetricData: [
      { MetricName: 'DriftKeys', Dimensions: [{ Name: 'Table', Value: 'orders' }], Unit: 'Count', Value: value },
    ],
  });

  test('puts one datum with the drift keys found, exactly per DRIFT_METRIC, and exits 1 for the drift', async () => {
    cloudwatch.on(PutMetricDataCommand).resolves({});

    const code = await runReconcile(args());

    expect(code).toBe(1);
    const calls = cloudwatch.commandCalls(PutMetricDataCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual(datum(2));
    expect(calls[0]?.args[0].input.Namespace).toBe(DRIFT_METRIC.namespace);
    expect(output.join('')).toMatch(/published SalesPipeline\/Lake DriftKeys=2 \(Table=orders\)/);
  }, 60_000);

  test('puts 0 when --repair mended every key, and exits 0', async () => {
    cloudwatch.on(PutMetricDataCommand).resolves({});

    const code = await runReconcile(args('--repair'));

    expect(code).toBe(0);
    expect(cloudwatch.commandCalls(PutMetricDataCommand).map((call) => call.args[0].input)).toEqual([datum(0)]);
  }, 60_000);

  test('a failed publish exits 1 with one line after the report', async () => {
    cloudwatch.on(PutMetricDataCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: cloudwatch:PutMetricData'), {
        name: 'AccessDenied',
      }),
    );

    const code = await runReconcile(args('--repair'));

    expect(code).toBe(1);
    const report = output.findIndex((line) => line.startsWith('stdout:reconcile orders against'));
    const failure = output.findIndex((line) => line.includes('--publish-metric'));
    expect(report).toBeGreaterThanOrEqual(0);
    expect(failure).toBeGreaterThan(report);
    expect(output[failure]).toBe(
      'stderr:sales-lake reconcile: --publish-metric: PutMetricData failed, no drift datum was published: AccessDenied: User is not authorized to perform: cloudwatch:PutMetricData\n',
    );
  }, 60_000);

  test('an interrupted run publishes nothing and exits 130', async () => {
    cloudwatch.on(PutMetricDataCommand).resolves({});
    const on = process.on.bind(process);
    jest.spyOn(process, 'on').mockImplementation(((event: string, listener: (signal: string) => void) => {
      on(event as 'SIGINT', listener);
      if (event === 'SIGINT') queueMicrotask(() => listener('SIGINT')); // Ctrl-C as the run starts
      return process;
    }) as typeof process.on);

    const code = await runReconcile(args());

    expect(code).toBe(130);
    expect(cloudwatch.commandCalls(PutMetricDataCommand)).toHaveLength(0);
    expect(output.join('')).toMatch(/stopped before the end/);
  }, 60_000);

  test('a failed run publishes nothing', async () => {
    cloudwatch.on(PutMetricDataCommand).resolves({});

    await expect(
      runReconcile([
        '--table',
        'no-such-table',
        '--endpoint',
        dynalite.endpoint,
        '--lake',
        lake.path,
        '--publish-metric',
      ]),
    ).rejects.toThrow(/non-existent table|not found/i);

    expect(cloudwatch.commandCalls(PutMetricDataCommand)).toHaveLength(0);
  }, 60_000);

  test('without --publish-metric nothing is put', async () => {
    const code = await runReconcile(args().filter((arg) => arg !== '--publish-metric'));

    expect(code).toBe(1);
    expect(cloudwatch.calls()).toHaveLength(0);
  }, 60_000);
});
