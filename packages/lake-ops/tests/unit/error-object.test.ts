import { gzipSync } from 'node:zlib';
import { isGzip, readErrorObjectLines } from '../../src/replay/firehose/error-object';

describe('readErrorObjectLines', () => {
  const text = '{"rawData":"eA=="}\n{"rawData":"eQ=="}\n';

  test('gunzips by the magic bytes, whatever the key says', () => {
    expect(isGzip(gzipSync(text))).toBe(true);
    expect(readErrorObjectLines(gzipSync(text))).toEqual(['{"rawData":"eA=="}', '{"rawData":"eQ=="}']);
  });

  test('reads a plain object as it is', () => {
    expect(isGzip(Buffer.from(text))).toBe(false);
    expect(readErrorObjectLines(Buffer.from(text))).toEqual(['{"rawData":"eA=="}', '{"rawData":"eQ=="}']);
  });

  test('reads every member of a multi-member GZIP object', () => {
    const twoMembers = Buffer.concat([gzipSync('{"rawData":"eA=="}\n'), gzipSync('{"rawData":"eQ=="}\n')]);

    expect(readErrorObjectLines(twoMembers)).toHaveLength(2);
  });

  test('throws for bytes that start like GZIP but are not', () => {
    expect(() => readErrorObjectLines(Buffer.from([0x1f, 0x8b, 0, 1, 2]))).toThrow();
  });
});
