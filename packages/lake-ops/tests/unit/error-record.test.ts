import { gzipSync } from 'node:zlib';
import { isGzip, readErrorObjectLines } from '../../src/replay/firehose/error-object';
import { parseErrorRecord } from '../../src/replay/firehose/error-record';

describe('parseErrorRecord', () => {
  test('reads the documented fields, numbers as captured objects write them', () => {
    const line =
      '{"attemptsMade":1,"arrivalTimestamp":1736937011587,"errorCode":"Lambda.ProcessingFailedStatus","errorMessage":"ProcessingFailed status set for record","attemptEndingTimestamp":1736937071587,"rawData":"eyJ9","lambdaArn":"arn:aws:lambda:eu-west-1:123456789012:function:f:live"}';

    expect(parseErrorRecord(line)).toEqual({
      ok: true,
      value: {
        attemptsMade: 1,
        arrivalTimestamp: 1736937011587,
        errorCode: 'Lambda.ProcessingFailedStatus',
        errorMessage: 'ProcessingFailed status set for record',
        attemptEndingTimestamp: 1736937071587,
        rawData: 'eyJ9',
        lambdaArn: 'arn:aws:lambda:eu-west-1:123456789012:function:f:live',
      },
    });
  });

  test('accepts counts and timestamps as strings, as the documentation template quotes them', () => {
    const parsed = parseErrorRecord('{"attemptsMade":"4","arrivalTimestamp":"1736937011587","rawData":"eyJ9"}');

    expect(parsed.ok && [parsed.value.attemptsMade, parsed.value.arrivalTimestamp]).toEqual([4, 1736937011587]);
  });

  test.each([
    ['not JSON', 'oops', /not JSON/],
    ['an array', '[1]', /not a JSON object/],
    ['no rawData', '{"attemptsMade":1}', /no string "rawData"/],
    ['a numeric rawData', '{"rawData":42}', /no string "rawData"/],
  ])('a line that is %s is malformed, with the reason', (_, line, detail) => {
    const parsed = parseErrorRecord(line);

    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toBe('malformed-error-record');
    expect(!parsed.ok && parsed.detail).toMatch(detail);
  });
});

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
