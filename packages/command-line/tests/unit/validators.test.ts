import { parseChoice, parseNumberInRange, parsePositiveInteger, parsePositiveNumber, parseUrl } from '../../src/index';

describe('validators accept good values', () => {
  it('returns the typed value', () => {
    expect(parsePositiveNumber('--rate', '12.5')).toBe(12.5);
    expect(parsePositiveInteger('--count', '25', 25)).toBe(25);
    expect(parseNumberInRange('--ratio', '0', { min: 0, max: 1 })).toBe(0);
    expect(parseChoice('--format', 'json', ['json', 'markdown'] as const)).toBe('json');
    expect(parseUrl('--endpoint', 'http://127.0.0.1:4567').port).toBe('4567');
  });
});

describe('validators reject bad values with one wording', () => {
  test.each([
    [() => parsePositiveNumber('--rate', '-5'), '--rate must be a positive number, received "-5"'],
    [() => parsePositiveNumber('--rate', 'fast'), '--rate must be a positive number, received "fast"'],
    [() => parsePositiveNumber('--rate', ''), '--rate must be a positive number, received ""'],
    [() => parsePositiveNumber('--rate', '100001', 100_000), '--rate must be at most 100000, received "100001"'],
    [() => parsePositiveInteger('--orders', '-1'), '--orders must be a positive integer, received "-1"'],
    [() => parsePositiveInteger('--count', '1.5'), '--count must be a positive integer, received "1.5"'],
    [() => parsePositiveInteger('--batch-size', '26', 25), '--batch-size must be at most 25, received "26"'],
    [
      () => parseNumberInRange('--shards', '0', { min: 1, max: 4096, integer: true }),
      '--shards must be an integer between 1 and 4096, received "0"',
    ],
    [
      () => parseNumberInRange('--ratio', '1.5', { min: 0, max: 1 }),
      '--ratio must be a number between 0 and 1, received "1.5"',
    ],
    [
      () => parseChoice('--format', 'xml', ['json', 'markdown']),
      '--format must be one of json, markdown, received "xml"',
    ],
    [
      () => parseUrl('--endpoint', 'localhost:8000'),
      '--endpoint must be an http(s) URL such as http://127.0.0.1:8000, received "localhost:8000"',
    ],
    [
      () => parseUrl('--endpoint', 'ftp://host'),
      '--endpoint must be an http(s) URL such as http://127.0.0.1:8000, received "ftp://host"',
    ],
  ])('%#: %s', (validate, message) => {
    expect(validate).toThrow(expect.objectContaining({ name: 'UsageError', message }));
  });
});
