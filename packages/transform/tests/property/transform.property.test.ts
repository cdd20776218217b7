import fc from 'fast-check';
import { toJsonNumber, transformFirehoseEvent, type AttributeMap, type AttributeValue } from '../../src/index.js';
import { anyData, anyName, attributeArbitraries, snakeName, streamRecord } from './arbitraries.js';

const RUNS = { numRuns: 200 };
const snake = attributeArbitraries(snakeName);
const any = attributeArbitraries(anyName);
/** Images of maps from a few names, so consecutive images often share a name at the same place under another parent. */
const fewName = fc.constantFrom('a', 'b', 'x');
const fewImage: fc.Arbitrary<AttributeMap> = fc.dictionary(
  fewName,
  fc.oneof(
    fc.constant({ S: 's' }),
    fc.dictionary(fewName, fc.constant({ N: '1' }), { maxKeys: 3, noNullPrototype: true }).map((M) => ({ M })),
  ),
  { minKeys: 1, maxKeys: 4, noNullPrototype: true },
);

const encode = (record: unknown): string => Buffer.from(JSON.stringify(record)).toString('base64');
const lineOf = (record: unknown): string => {
  const { result } = transformFirehoseEvent({ records: [{ recordId: 'r', data: encode(record) }] });
  const output = result.records[0];
  if (output?.result !== 'Ok') throw new Error(`record failed: ${JSON.stringify(record)}`);
  return Buffer.from(output.data, 'base64').toString('utf8');
};

/** Flattened leaves of an image: `[column, attribute value]`, as the row contract defines them. */
function leaves(image: AttributeMap, prefix = ''): [string, AttributeValue][] {
  return Object.entries(image).flatMap(([key, av]): [string, AttributeValue][] => {
    const name = prefix === '' ? key : `${prefix}_${key}`;
    if ('M' in av && Object.keys(av.M).length > 0) return leaves(av.M, name);
    return [[name, av]];
  });
}

function numbersIn(av: AttributeValue): string[] {
  if ('N' in av) return [av.N];
  if ('NS' in av) return [...av.NS];
  if ('M' in av) return Object.values(av.M).flatMap(numbersIn);
  if ('L' in av) return av.L.flatMap(numbersIn);
  return [];
}

describe('properties', () => {
  test('every attribute is kept: one column per leaf, distinct names, even when names collide', () => {
    fc.assert(
      fc.property(streamRecord(any.image), (record) => {
        const row = JSON.parse(lineOf(record)) as Record<string, unknown>;
        const image = (record.dynamodb as { NewImage: AttributeMap }).NewImage;
        const itemColumns = Object.keys(row).filter(
          (name) =>
            !/^cdc_(operation|event_id|event_time|sequence_number|sort_key|table|ttl_expired|changed_attributes)$/.test(
              name,
            ),
        );
        expect(itemColumns).toHaveLength(leaves(image).length);
        for (const name of Object.keys(row)) expect(name).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
      }),
      RUNS,
    );
  });

  test("every number's digits are kept, and snake_case leaves land in their own column", () => {
    fc.assert(
      fc.property(streamRecord(snake.image), (record) => {
        const line = lineOf(record);
        for (const [column, av] of leaves((record.dynamodb as { NewImage: AttributeMap }).NewImage)) {
          expect(line).toContain(`"${column}":`);
          if ('N' in av)
            expect(line).toMatch(new RegExp(`"${column}":${(toJsonNumber(av.N) ?? '?').replace(/[.+]/g, '\\$&')}[,}]`));
          for (const digits of numbersIn(av)) expect(line).toContain(toJsonNumber(digits));
        }
      }),
      RUNS,
    );
  });

  test('a MODIFY that changes nothing reports no changed columns', () => {
    fc.assert(
      fc.property(any.image, (image) => {
        const record = {
          eventID: 'e',
          eventName: 'MODIFY',
          dynamodb: {
            ApproximateCreationDateTime: 1736940612,
            Keys: { pk: { S: 'k' } },
            NewImage: image,
            OldImage: image,
          },
        };
        expect(JSON.parse(lineOf(record)).cdc_changed_attributes).toEqual([]);
      }),
      RUNS,
    );
  });

  test("a row's columns do not depend on the rows written before it (the writer's memo of names is invisible)", () => {
    fc.assert(
      fc.property(fc.array(streamRecord(fewImage), { minLength: 2, maxLength: 4 }), (records) => {
        for (const record of records) {
          const row = JSON.parse(lineOf(record)) as Record<string, unknown>;
          const image = (record.dynamodb as { NewImage: AttributeMap }).NewImage;
          const itemColumns = Object.keys(row).filter((name) => !name.startsWith('cdc_'));
          expect(itemColumns).toEqual(leaves(image).map(([column]) => column));
        }
      }),
      RUNS,
    );
  });

  test('random bytes never throw, and every recordId is answered once, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uuid(), anyData), { maxLength: 12 }), (pairs) => {
        const records = pairs.map(([uuid, data], i) => ({ recordId: `${i}-${uuid}`, data }));
        const { result, summary } = transformFirehoseEvent({ records });
        expect(result.records.map((record) => record.recordId)).toEqual(records.map((record) => record.recordId));
        expect(summary.ok + summary.processingFailed).toBe(records.length);
        result.records.forEach((output, i) => {
          if (output.result === 'ProcessingFailed') expect(output.data).toBe(records[i]?.data);
          else expect(Buffer.from(output.data, 'base64').toString('utf8')).toMatch(/^\{.*\}\n$/s);
        });
      }),
      RUNS,
    );
  });
});
