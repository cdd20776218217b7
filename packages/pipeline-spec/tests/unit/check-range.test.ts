import { checkRange, resolveSetting, SETTINGS } from '@sales/pipeline-spec';

describe('checkRange', () => {
  test.each([1, 250, 500])('returns %p, a whole number within the bounds', (value) => {
    expect(checkRange('batchSize', value, 1, 500)).toBe(value);
  });

  test.each([0, 501, 1.5, Number.NaN])('rejects %p, naming the prop, the bounds and the value', (value) => {
    expect(() => checkRange('batchSize', value, 1, 500)).toThrow(
      `batchSize must be between 1 and 500, received ${value}`,
    );
  });
});

describe('resolveSetting', () => {
  test('gives the table default when no value is passed', () => {
    expect(resolveSetting('batchSize', undefined, { default: 100, min: 1, max: 500 })).toBe(100);
  });

  test('keeps a value within the table limits', () => {
    expect(resolveSetting('batchSize', 500, SETTINGS.pipeBatchSize)).toBe(500);
  });

  test('rejects a value outside the table limits, naming the prop, the limits and the value', () => {
    expect(() => resolveSetting('batchSize', 501, SETTINGS.pipeBatchSize)).toThrow(
      'batchSize must be between 1 and 500, received 501',
    );
  });
});
