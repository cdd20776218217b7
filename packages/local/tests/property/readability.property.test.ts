import { ORDER_CHANGE_COLUMNS } from '@sales/pipeline-spec';
import {
  createRowSchema,
  REJECTED_COLUMN,
  toJsonNumber,
  transformFirehoseEvent,
  type AttributeMap,
  type AttributeValue,
} from '@sales/transform';
import fc from 'fast-check';
import { checkLakeReadability, describeUnreadable } from '../../src/glue/readability-check';

// Names from the declared table (so declared columns meet every kind of value) and free ones.
const declaredNames = ['item_count', 'total', 'expires_at', 'line_items', 'status', 'customer', 'subtotal'];
const name = fc.oneof(fc.constantFrom(...declaredNames), fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/));
const numberText = fc.oneof(
  fc.bigInt({ min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n }).map(String),
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.stringMatching(/^\d{1,4}$/))
    .map(([int, frac]) => `${int}.${frac}`),
  fc.constantFrom('2.5', '3000000000', '12.345', '1736937011.5', '9223372036854775808', '5', '1E+30'),
);
const { value } = fc.letrec<{ value: AttributeValue; map: AttributeMap }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 8 }).map((S) => ({ S })),
    numberText.map((N) => ({ N })),
    fc.boolean().map((BOOL) => ({ BOOL })),
    fc.constant({ NULL: true as const }),
    fc.uniqueArray(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 }).map((SS) => ({ SS })),
    fc.array(tie('value'), { maxLength: 3 }).map((L) => ({ L })),
    tie('map').map((M) => ({ M })),
  ),
  map: fc.dictionary(fc.oneof(name, fc.constantFrom('sku', 'quantity', 'unit_price')), tie('value'), { maxKeys: 3 }),
}));
const image = fc.dictionary(name, value, { minKeys: 1, maxKeys: 6 });

const schema = createRowSchema(ORDER_CHANGE_COLUMNS);

/** Every leaf of an image as `path -> JSON of the attribute value` (maps descend, everything else is a leaf). */
function leaves(map: AttributeMap, prefix: string, out: Map<string, string>): Map<string, string> {
  for (const [key, av] of Object.entries(map)) {
    const path = prefix === '' ? key : `${prefix}_${key}`;
    if ('M' in av && Object.keys(av.M).length > 0) leaves(av.M, path, out);
    else out.set(path, JSON.stringify(av));
  }
  return out;
}

describe('rows the schema-built handler writes', () => {
  test('every row reads exactly under the declared table and the first-sighting crawl, in any order', () => {
    fc.assert(
      fc.property(fc.array(image, { minLength: 1, maxLength: 8 }), (images) => {
        const records = images.map((newImage, i) => ({
          recordId: String(i),
          data: Buffer.from(
            JSON.stringify({
              eventID: `e${i}`,
              eventName: 'INSERT',
              dynamodb: {
                ApproximateCreationDateTime: 1736937011,
                Keys: { order_id: { S: `o${i}` } },
                NewImage: { order_id: { S: `o${i}` }, ...newImage },
                SequenceNumber: `${100 + i}`,
              },
            }),
          ).toString('base64'),
        }));
        const { result } = transformFirehoseEvent({ records }, { schema });
        const lines = result.records.map((record) => {
          expect(record.result).toBe('Ok');
          return Buffer.from(record.data, 'base64').toString('utf8').trimEnd();
        });
        expect(checkLakeReadability([{ key: 'k', lines }], ORDER_CHANGE_COLUMNS).map(describeUnreadable)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  test('every leaf value of the image is recovered exactly: from its column, or from cdc_rejected', () => {
    fc.assert(
      fc.property(image, (newImage) => {
        // Names here are already snake_case and joined one to one, so each leaf's column is its path.
        const data = Buffer.from(
          JSON.stringify({
            eventID: 'e',
            eventName: 'INSERT',
            dynamodb: {
              ApproximateCreationDateTime: 1736937011,
              Keys: { order_id: { S: 'o' } },
              NewImage: { order_id: { S: 'o' }, ...newImage },
            },
          }),
        ).toString('base64');
        const line = Buffer.from(
          transformFirehoseEvent({ records: [{ recordId: '1', data }] }, { schema }).result.records[0]!.data,
          'base64',
        ).toString('utf8');
        const row = JSON.parse(line) as Record<string, unknown>;
        const rejected = JSON.parse((row[REJECTED_COLUMN] as string | null) ?? '{}') as Record<string, AttributeValue>;
        for (const [path, json] of leaves({ order_id: { S: 'o' }, ...newImage }, '', new Map())) {
          if (!(path in row) && !(path in rejected)) continue; // a name that met another one got a _N suffix
          const av = JSON.parse(json) as AttributeValue;
          if (path in rejected) {
            expect(rejected[path]).toEqual(av);
            expect(row[path]).toBeNull();
          } else if ('S' in av) expect(row[path]).toBe(av.S);
          else if ('N' in av) {
            // Every stored digit is in the line: a typed column holds the number, an undeclared one its text.
            const digits = toJsonNumber(av.N) as string;
            expect(line).toContain(`"${path}":${typeof row[path] === 'string' ? JSON.stringify(digits) : digits}`);
          } else if ('BOOL' in av) expect(row[path] === av.BOOL || row[path] === String(av.BOOL)).toBe(true);
          else if ('NULL' in av) expect(row[path]).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});
