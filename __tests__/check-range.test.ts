import { checkRange } from '@sales/pipeline-spec';

describe('checkRange', () => {
  test.each([1, 250, 500])('returns %p, a whole number within the bounds', (value) => {
    expect(checkRange('batchSize', value, 1, 500)).toBe(value);
  });

  test.each([0, 501, 1.5, Number.NaN])('rejects %p, naming the prop, the bounds and the value', (value) => {
    expect(() => checkRange('batchSize', value, 1, 500)).toThrow(`batchSize must be between 1 and 500, received ${value}`);
  });
});
