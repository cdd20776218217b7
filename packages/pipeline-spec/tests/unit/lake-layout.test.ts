import {
  DATA_FILE_EXTENSION,
  DATA_PREFIX,
  ERROR_PREFIX,
  EXPORT_PREFIX,
  firehoseDataPrefix,
  firehoseErrorPrefix,
  partitionPath,
  PROCESSING_FAILED_PREFIX,
  projectionLocationTemplate,
  REPLAY_FAILED_PREFIX,
  REPLAYED_PREFIX,
} from '@sales/pipeline-spec';

describe('lake layout', () => {
  test('keeps errors outside the data prefix the crawler and the table read', () => {
    expect(DATA_PREFIX).toBe('sales/');
    expect(ERROR_PREFIX.startsWith(DATA_PREFIX)).toBe(false);
    expect(firehoseErrorPrefix().startsWith(DATA_PREFIX)).toBe(false);
  });

  test('keeps DynamoDB exports outside both the data and the error prefix', () => {
    expect(EXPORT_PREFIX).toBe('exports/');
    for (const prefix of [DATA_PREFIX, ERROR_PREFIX]) {
      expect(EXPORT_PREFIX.startsWith(prefix) || prefix.startsWith(EXPORT_PREFIX)).toBe(false);
    }
  });

  test('puts the replay folders under the error prefix, next to the folder Firehose names processing-failed', () => {
    expect(
      firehoseErrorPrefix()
        .replace('!{firehose:error-output-type}', 'processing-failed')
        .startsWith(PROCESSING_FAILED_PREFIX),
    ).toBe(true);
    expect([REPLAYED_PREFIX, REPLAY_FAILED_PREFIX]).toEqual(['errors/replayed/', 'errors/replay-failed/']);
    expect(new Set([PROCESSING_FAILED_PREFIX, REPLAYED_PREFIX, REPLAY_FAILED_PREFIX]).size).toBe(3);
  });

  test('names Hive partitions after the Lambda partition keys, in the order of partitionPath', () => {
    const values = { year: '2025', month: '01', day: '15', hour: '10' };
    const fromLambda = firehoseDataPrefix().replace(
      /!\{partitionKeyFromLambda:(\w+)\}/g,
      (_match, key: keyof typeof values) => values[key],
    );
    expect(fromLambda).toBe(partitionPath(values));
    expect(partitionPath(values)).toBe('sales/year=2025/month=01/day=15/hour=10/');
  });

  test('gives the error prefix the error-output-type expression the API requires and no Lambda keys', () => {
    expect(firehoseErrorPrefix()).toContain('!{firehose:error-output-type}');
    expect(firehoseErrorPrefix()).not.toContain('partitionKeyFrom');
  });

  test('writes a lower-case .gz extension, which Athena needs to read GZIP', () => {
    expect(DATA_FILE_EXTENSION).toMatch(/\.gz$/);
    expect(DATA_FILE_EXTENSION).toBe(DATA_FILE_EXTENSION.toLowerCase());
  });

  test('escapes the projection template placeholders for Terraform', () => {
    expect(projectionLocationTemplate('lake')).toBe(
      's3://lake/sales/year=$${year}/month=$${month}/day=$${day}/hour=$${hour}/',
    );
  });
});
