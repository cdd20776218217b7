import fc from 'fast-check';
import type { AttributeMap, AttributeValue } from '../../src/index.js';

/**
 * Lower-case attribute names without `_` (already column names): joining a path with `_` is then
 * one to one, so every leaf's column is known.
 */
export const snakeName = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);

/** Text over the base64 alphabet plus the characters strict decoding must reject. */
export const base64ish = fc.string({ unit: fc.constantFrom(...'AQgw+/=-_ %\né'.split('')), maxLength: 12 });

/** Any attribute name DynamoDB allows: camelCase, spaces, punctuation, non-ASCII. */
export const anyName = fc.oneof(
  snakeName,
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('customerId', 'Order Date', 'URL', 'Url', 'a.b', 'cdc_operation', '価格'),
);

/** DynamoDB numbers: up to 38 significant digits, negative, decimal and exponent forms. */
export const numberText = fc.oneof(
  fc.bigInt({ min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n }).map(String),
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.stringMatching(/^\d{1,18}$/), fc.boolean())
    .map(([int, frac, negative]) => `${negative ? '-' : ''}${int}.${frac}`),
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^\d{0,37}$/), fc.integer({ min: -130, max: 125 }))
    .map(([lead, rest, exp]) => `${lead}.${rest || '0'}E${exp >= 0 ? '+' : ''}${exp}`),
  fc.constantFrom('0', '-0', '44.98', '12.50', '9007199254740993', '1234567890123456789012345'),
);

const base64 = fc.uint8Array({ maxLength: 24 }).map((bytes) => Buffer.from(bytes).toString('base64'));
const uniqueStrings = (item: fc.Arbitrary<string>): fc.Arbitrary<string[]> =>
  fc.uniqueArray(item, { minLength: 1, maxLength: 5 });

/**
 * Attribute-value trees of every DynamoDB type, nested through `M` and `L`.
 *
 * @param name - arbitrary for map keys
 * @returns `{ value, image }` arbitraries
 */
export function attributeArbitraries(name: fc.Arbitrary<string>): {
  value: fc.Arbitrary<AttributeValue>;
  image: fc.Arbitrary<AttributeMap>;
} {
  const tree = fc.letrec<{ value: AttributeValue; map: AttributeMap }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 20 }).map((S) => ({ S })),
      numberText.map((N) => ({ N })),
      base64.map((B) => ({ B })),
      fc.boolean().map((BOOL) => ({ BOOL })),
      fc.constant({ NULL: true as const }),
      uniqueStrings(fc.string({ maxLength: 8 })).map((SS) => ({ SS })),
      uniqueStrings(numberText).map((NS) => ({ NS })),
      uniqueStrings(base64).map((BS) => ({ BS })),
      tie('map').map((M) => ({ M })),
      fc.array(tie('value'), { maxLength: 3 }).map((L) => ({ L })),
    ),
    map: fc.dictionary(name, tie('value'), { maxKeys: 5, noNullPrototype: true }),
  }));
  return {
    value: tree.value,
    image: fc.dictionary(name, tree.value, { minKeys: 1, maxKeys: 8, noNullPrototype: true }),
  };
}

/**
 * A change record as Pipes delivers it, around a given new image (and an optional old one).
 *
 * @param image - new image arbitrary
 * @returns stream-record arbitrary
 */
export function streamRecord(image: fc.Arbitrary<AttributeMap>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      newImage: image,
      oldImage: fc.option(image, { nil: undefined }),
      seconds: fc.integer({ min: 1_000_000_000, max: 4_000_000_000 }),
      sequence: fc.stringMatching(/^[1-9]\d{20,39}$/),
      id: fc.stringMatching(/^[0-9a-f]{32}$/),
    })
    .map(({ newImage, oldImage, seconds, sequence, id }) => ({
      eventID: id,
      eventName: oldImage === undefined ? 'INSERT' : 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      dynamodb: {
        ApproximateCreationDateTime: seconds,
        Keys: { pk: { S: 'k' } },
        NewImage: newImage,
        ...(oldImage === undefined ? {} : { OldImage: oldImage }),
        SequenceNumber: sequence,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/t/stream/2025-01-15T09:30:12.345',
    }));
}

/** Record `data` of every kind: random bytes, random text, random JSON, JSON with a stream record's shape. */
export const anyData = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  fc.string({ maxLength: 40 }),
  fc.json().map((json) => Buffer.from(json).toString('base64')),
  fc
    .record(
      {
        eventID: fc.anything(),
        eventName: fc.constantFrom('INSERT', 'MODIFY', 'REMOVE', 'X'),
        dynamodb: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((record) => Buffer.from(JSON.stringify(record) ?? 'null').toString('base64')),
);
