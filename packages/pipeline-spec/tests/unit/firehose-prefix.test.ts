import { evaluatePrefix, firehoseDataPrefix, firehoseErrorPrefix, objectFileName } from '@sales/pipeline-spec';

const AT = Date.UTC(2025, 0, 5, 7, 8, 9);

describe('Firehose prefix evaluation', () => {
  test('fills the data prefix from the partition keys the Lambda returned', () => {
    const partitionKeys = { year: '2025', month: '01', day: '15', hour: '10' };
    expect(evaluatePrefix(firehoseDataPrefix(), { partitionKeys, timestampMs: AT })).toBe(
      'sales/year=2025/month=01/day=15/hour=10/',
    );
  });

  test('fills the error prefix from the error type and the arrival time, in UTC', () => {
    expect(evaluatePrefix(firehoseErrorPrefix(), { timestampMs: AT, errorOutputType: 'processing-failed' })).toBe(
      'errors/processing-failed/year=2025/month=01/day=05/',
    );
  });

  test('keeps quoted literals in timestamp patterns and formats every field', () => {
    expect(evaluatePrefix("!{timestamp:yyyy'/x/'MM-dd HH:mm:ss}", { timestampMs: AT })).toBe('2025/x/01-05 07:08:09');
  });

  test.each([
    ['!{partitionKeyFromLambda:year}', 'the transform returned no partition key "year"'],
    ['!{firehose:error-output-type}', 'cannot evaluate !{firehose:error-output-type}'],
    ['!{unknown:x}', 'cannot evaluate !{unknown:x}'],
  ])('refuses %s when it cannot be evaluated', (template, message) => {
    expect(() => evaluatePrefix(template, { timestampMs: AT })).toThrow(message);
  });

  test('names objects as Firehose does', () => {
    expect(objectFileName('sales-dev-lake', AT, '00000000-0000-4000-8000-000000000000', '.json.gz')).toBe(
      'sales-dev-lake-1-2025-01-05-07-08-09-00000000-0000-4000-8000-000000000000.json.gz',
    );
  });
});
