import 'cdktf/lib/testing/adapters/jest';
import {
  ATHENA_MERGE_DIALECT,
  CURRENT_COLUMNS,
  liveViewSql,
  loadConfig,
  RECENT_FRESHNESS_TARGET_SECONDS,
  trinoType,
} from '@sales/pipeline-spec';
import { Parser } from 'node-sql-parser';
import { resources, synthPipeline, type SynthesizedStack } from './helpers/pipeline';
import { roleStatements } from './helpers/context';

// The low-latency path per setting: on (the default), off, and on over a provisioned stream.

const firehoses = (json: SynthesizedStack) =>
  Object.values(resources(json, 'aws_kinesis_firehose_delivery_stream')) as Array<Record<string, any>>;
const recentOf = (json: SynthesizedStack) => firehoses(json).find((f) => f['name'] === 'sales-dev-recent');
const tableNamed = (json: SynthesizedStack, name: string) =>
  Object.values(resources(json, 'aws_glue_catalog_table')).find((t) => t['name'] === name) as
    | Record<string, any>
    | undefined;
const pipeWindow = (json: SynthesizedStack) =>
  (Object.values(resources(json, 'aws_pipes_pipe'))[0] as any).source_parameters.dynamodb_stream_parameters
    .maximum_batching_window_in_seconds;
const lakeRules = (json: SynthesizedStack) =>
  (Object.values(resources(json, 'aws_s3_bucket_lifecycle_configuration')) as any[]).find((l) =>
    l.rule.some((r: { id: string }) => r.id === 'expire-error-records'),
  ).rule as Array<Record<string, any>>;

describe('with the low-latency path on (the default)', () => {
  const { text, json } = synthPipeline('dev');
  const recent = recentOf(json);

  test('reads the same stream with a second delivery stream: zero buffering, no dynamic partitioning', () => {
    const sources = firehoses(json).map((f) => f['kinesis_source_configuration'].kinesis_stream_arn);
    expect(sources).toEqual([expect.stringMatching(/^\$\{aws_kinesis_stream\.Stream_[A-F0-9]+\.arn\}$/), sources[0]]);
    const s3 = recent?.['extended_s3_configuration'];
    expect(s3).toMatchObject({
      buffering_interval: 0,
      prefix: 'recent/dt=!{timestamp:yyyy-MM-dd-HH}/',
      error_output_prefix: 'recent-errors/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd-HH}/',
      compression_format: 'GZIP',
      file_extension: '.json.gz',
      kms_key_arn: expect.stringMatching(/^\$\{aws_kms_key\.Key_[A-F0-9]+\.arn\}$/),
      cloudwatch_logging_options: {
        enabled: true,
        log_group_name: expect.stringMatching(/Recent_Delivery_LogGroup/),
        log_stream_name: expect.stringMatching(/Recent_Delivery_DeliveryLogStream/),
      },
    });
    expect(s3.dynamic_partitioning_configuration).toBeUndefined();
  });

  test('invokes the same function with the processor at its minimum interval, 0 s', () => {
    const [main, fast] = firehoses(json).map(
      (f) => f['extended_s3_configuration'].processing_configuration.processors[0],
    );
    expect(fast.parameters).toEqual([
      main.parameters[0],
      { parameter_name: 'BufferSizeInMBs', parameter_value: '3' },
      { parameter_name: 'BufferIntervalInSeconds', parameter_value: '0' },
    ]);
  });

  test('gives the path its own role, which writes recent/ and recent-errors/ only', () => {
    expect(recent?.['extended_s3_configuration'].role_arn).toMatch(/Recent_Delivery_Role/);
    const write = roleStatements(text, 'sales-dev-firehose-recent').find((s) => s.Sid === 'WriteLakeObjects');
    expect(write?.Resource).toEqual([
      expect.stringMatching(/\.arn\}\/recent\/\*$/),
      expect.stringMatching(/\.arn\}\/recent-errors\/\*$/),
    ]);
  });

  test('declares order_changes_recent over recent/ with the declared columns and dt projected hourly', () => {
    const table = tableNamed(json, 'order_changes_recent');
    expect(table?.['storage_descriptor'].location).toMatch(
      /^s3:\/\/\$\{aws_s3_bucket\.Lake_Bucket_[A-F0-9]+\.bucket\}\/recent\/$/,
    );
    expect(table?.['partition_keys']).toEqual([expect.objectContaining({ name: 'dt', type: 'string' })]);
    expect(table?.['parameters']).toMatchObject({
      'projection.dt.type': 'date',
      'projection.dt.format': 'yyyy-MM-dd-HH',
      'projection.dt.range': 'NOW-3DAYS,NOW',
      'projection.dt.interval.unit': 'HOURS',
    });
  });

  test("declares orders_live as Athena stores a view: the Athena SQL of the one definition, in the stack's database", () => {
    const view = tableNamed(json, 'orders_live');
    expect(view).toMatchObject({
      table_type: 'VIRTUAL_VIEW',
      view_expanded_text: '/* Presto View */',
      parameters: { presto_view: 'true', comment: 'Presto View' },
    });
    const encoded = /^\/\* Presto View: (.+) \*\/$/.exec(view?.['view_original_text'])?.[1] ?? '';
    const definition = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    const tables = {
      recent: '"order_changes_recent"',
      current: '"orders_current"',
      tombstones: '"orders_current_tombstones"',
      mergeLog: '"orders_current_merges"',
    };
    expect(definition).toEqual({
      originalSql: liveViewSql(ATHENA_MERGE_DIALECT, tables, loadConfig('dev', {}).mergeLatenessSeconds),
      catalog: 'awsdatacatalog',
      schema: 'sales_dev',
      columns: CURRENT_COLUMNS.map((c) => ({ name: c.name, type: trinoType(c.type) })),
    });
    expect(view?.['storage_descriptor'].columns.map((c: { name: string }) => c.name)).toEqual(
      CURRENT_COLUMNS.map((c) => c.name),
    );
    // The view's SQL is one statement Trino parses (node-sql-parser's trino dialect, as for the named queries).
    expect(() => new Parser().astify(definition.originalSql, { database: 'trino' })).not.toThrow();
  });

  test("sets the pipe's batching window to 0", () => {
    expect(pipeWindow(json)).toBe(0);
  });

  test('alarms on the path at its budget', () => {
    const alarm = Object.values(resources(json, 'aws_cloudwatch_metric_alarm')).find(
      (a) => a['alarm_name'] === 'sales-dev-RecentDeliveryFreshness',
    );
    expect(alarm).toMatchObject({
      metric_name: 'DeliveryToS3.DataFreshness',
      threshold: RECENT_FRESHNESS_TARGET_SECONDS,
      dimensions: { DeliveryStreamName: expect.stringMatching(/Recent_Delivery_DeliveryStream.*\.name\}$/) },
    });
  });

  test('expires recent/ at 3 days, and its old versions after a day', () => {
    expect(lakeRules(json).find((r) => r['id'] === 'expire-recent-changes')).toEqual({
      id: 'expire-recent-changes',
      status: 'Enabled',
      filter: [{ prefix: 'recent/' }],
      expiration: [{ days: 3 }],
      noncurrent_version_expiration: [{ noncurrent_days: 1 }],
    });
  });
});

describe('with the low-latency path off (SALES_RECENT_PATH=false)', () => {
  const { json } = synthPipeline('dev', { SALES_RECENT_PATH: 'false' });

  test('has one delivery stream, no recent table, no live view and no recent alarm', () => {
    expect(firehoses(json).map((f) => f['name'])).toEqual(['sales-dev-lake']);
    expect([tableNamed(json, 'order_changes_recent'), tableNamed(json, 'orders_live')]).toEqual([undefined, undefined]);
    expect(Object.values(resources(json, 'aws_cloudwatch_metric_alarm')).map((a) => a['alarm_name'])).not.toContain(
      'sales-dev-RecentDeliveryFreshness',
    );
  });

  test('keeps the configured pipe window, and the recent/ expiry, so what the path wrote still goes', () => {
    expect(pipeWindow(json)).toBe(1);
    expect(lakeRules(json).map((r) => r['id'])).toContain('expire-recent-changes');
  });
});

describe('with the low-latency path on over a provisioned stream', () => {
  test('fits both delivery streams in the read budget of one shard', () => {
    const { json } = synthPipeline('dev', { SALES_KINESIS_MODE: 'PROVISIONED', SALES_KINESIS_SHARDS: '1' });
    expect(Object.values(resources(json, 'aws_kinesis_stream'))[0]).toMatchObject({
      shard_count: 1,
      stream_mode_details: { stream_mode: 'PROVISIONED' },
    });
    expect(firehoses(json)).toHaveLength(2);
  });

  test('takes its expiry from SALES_RECENT_EXPIRATION_DAYS, in the lifecycle and the projection alike', () => {
    const { json } = synthPipeline('prod', { SALES_KINESIS_MODE: 'PROVISIONED', SALES_RECENT_EXPIRATION_DAYS: '7' });
    expect(lakeRules(json).find((r) => r['id'] === 'expire-recent-changes')?.['expiration']).toEqual([{ days: 7 }]);
    expect(tableNamed(json, 'order_changes_recent')?.['parameters']['projection.dt.range']).toBe('NOW-7DAYS,NOW');
  });
});
