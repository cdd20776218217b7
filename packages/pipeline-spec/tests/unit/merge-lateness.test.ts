import {
  SETTINGS,
  ConfigError,
  freshnessBudgetSeconds,
  loadConfig,
  mergeLatenessFloorSeconds,
} from '@sales/pipeline-spec';

describe('merge lateness', () => {
  test('defaults to the pipe record age plus the freshness budget, rounded up to the hour', () => {
    const config = loadConfig('dev', {});
    const expected = Math.ceil((config.pipeMaximumRecordAgeSeconds + freshnessBudgetSeconds(config)) / 3600) * 3600;
    expect(config.mergeLatenessSeconds).toBe(expected);
    expect(config.mergeLatenessSeconds).toBe(25200);
  });

  test.each([
    ['SALES_PIPE_MAX_RECORD_AGE_SECONDS', '60', 3600],
    ['SALES_PIPE_MAX_RECORD_AGE_SECONDS', '43200', 46800],
  ])('follows %s=%s when no variable sets it: %d s', (variable, value, expected) => {
    expect(loadConfig('prod', { [variable]: value }).mergeLatenessSeconds).toBe(expected);
  });

  test('counts the delivery path: a 900 s Firehose buffer after a 3000 s record age adds an hour', () => {
    expect(loadConfig('dev', { SALES_PIPE_MAX_RECORD_AGE_SECONDS: '3000' }).mergeLatenessSeconds).toBe(3600);
    const vars = { SALES_PIPE_MAX_RECORD_AGE_SECONDS: '3000', SALES_FIREHOSE_BUFFER_INTERVAL_SECONDS: '900' };
    expect(loadConfig('dev', vars).mergeLatenessSeconds).toBe(7200);
  });

  test('keeps a value set at or above the floor', () => {
    expect(loadConfig('dev', { SALES_MERGE_LATENESS_SECONDS: '25200' }).mergeLatenessSeconds).toBe(25200);
    expect(loadConfig('dev', { SALES_DEV_MERGE_LATENESS_SECONDS: '86400' }).mergeLatenessSeconds).toBe(86400);
  });

  test('refuses a value below what the pipe still delivers, naming the variable that set it', () => {
    const load = () => loadConfig('prod', { SALES_PROD_MERGE_LATENESS_SECONDS: '3600' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/^SALES_PROD_MERGE_LATENESS_SECONDS must be at least 25200 \(.*\), received "3600"$/);
  });

  test('accepts a short lateness once the pipe record age allows it', () => {
    const vars = { SALES_PIPE_MAX_RECORD_AGE_SECONDS: '60', SALES_MERGE_LATENESS_SECONDS: '3600' };
    expect(loadConfig('dev', vars).mergeLatenessSeconds).toBe(3600);
  });

  test('accepts its table maximum and refuses values outside the table limits', () => {
    const { min, max } = SETTINGS.mergeLatenessSeconds;
    expect(loadConfig('dev', { SALES_MERGE_LATENESS_SECONDS: String(max) }).mergeLatenessSeconds).toBe(max);
    for (const value of [max + 1, min - 1])
      expect(() => loadConfig('dev', { SALES_MERGE_LATENESS_SECONDS: String(value) })).toThrow(
        `SALES_MERGE_LATENESS_SECONDS must be a whole number between ${min} and ${max}, received "${value}"`,
      );
  });

  test('never exceeds its limit for any pipe record age the pipe allows', () => {
    const config = loadConfig('dev', {});
    for (const age of [60, 21600, 86399]) {
      const floor = mergeLatenessFloorSeconds({ ...config, pipeMaximumRecordAgeSeconds: age });
      expect(floor % 3600).toBe(0);
      expect(floor).toBeLessThanOrEqual(SETTINGS.mergeLatenessSeconds.max);
    }
  });
});
