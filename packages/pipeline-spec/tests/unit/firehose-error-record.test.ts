import { formatErrorRecord, parseErrorRecord, PROCESSING_FAILED_STATUS } from '@sales/pipeline-spec';

// One line of an error object captured from S3 (errors/processing-failed/…), as Firehose writes it.
// https://docs.aws.amazon.com/firehose/latest/dev/data-transformation-failure-handling.html
const CAPTURED =
  '{"attemptsMade":1,"arrivalTimestamp":1736937011587,"errorCode":"Lambda.ProcessingFailedStatus","errorMessage":"ProcessingFailed status set for record","attemptEndingTimestamp":1736937071587,"rawData":"eyJ9","lambdaArn":"arn:aws:lambda:eu-west-1:123456789012:function:f:live"}';

describe('formatErrorRecord', () => {
  test('writes the line Firehose writes, key for key and byte for byte', () => {
    const line = formatErrorRecord({
      lambdaArn: 'arn:aws:lambda:eu-west-1:123456789012:function:f:live',
      rawData: 'eyJ9',
      attemptEndingTimestamp: 1736937071587,
      ...PROCESSING_FAILED_STATUS,
      arrivalTimestamp: 1736937011587,
      attemptsMade: 1,
    });

    expect(line).toBe(`${CAPTURED}\n`);
  });
});

describe('parseErrorRecord', () => {
  test('reads the documented fields, numbers as captured objects write them', () => {
    expect(parseErrorRecord(CAPTURED)).toEqual({
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
