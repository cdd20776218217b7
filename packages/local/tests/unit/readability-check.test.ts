import { ORDER_CHANGE_COLUMNS } from '@sales/pipeline-spec';
import { createHandler, createRowSchema, transformFirehoseEvent } from '@sales/transform';
import { checkLakeReadability, describeUnreadable } from '../../src/glue/readability-check';
import { readProblem } from '../../src/glue/serde-read';
import { parseHiveType } from '@sales/pipeline-spec';
import { parseRawJson } from '../../src/glue/raw-json';

const judge = (type: string, json: string): string | undefined => readProblem(parseHiveType(type), parseRawJson(json));

describe('readProblem: the OpenX JSON SerDe rules', () => {
  test.each([
    ['int', '3', true],
    ['int', '2.5', false],
    ['int', '3000000000', false],
    ['bigint', '3000000000', true],
    ['bigint', '1736937011.5', false],
    ['bigint', '1234567890123456789012345', false],
    ['decimal(12,2)', '12.34', true],
    ['decimal(12,2)', '12.345', false],
    ['decimal(12,2)', '12345678901.50', false],
    ['decimal(12,2)', '"free"', false],
    ['string', '"SW1A 1AA"', true],
    ['string', '69002', false],
    ['boolean', 'true', true],
    ['boolean', '"true"', false],
    ['array<struct<sku:string,quantity:int>>', '[{"sku":"a","quantity":2}]', true],
    ['array<struct<sku:string,quantity:int>>', '["a"]', false],
    ['array<struct<sku:string,quantity:int>>', '[{"sku":"a","qty":2}]', false],
    ['struct<a:int>', '{"a":1,"A":2}', false],
    ['int', 'null', true],
  ])('%s <- %s readable: %s', (type, json, readable) => {
    expect(judge(type, json) === undefined).toBe(readable);
  });
});

describe('checkLakeReadability', () => {
  const declared = [{ name: 'total', type: 'decimal(12,2)' }];

  test('fixes an undeclared column at first sighting and names the later row that does not read', () => {
    const lines = ['{"total":1.50,"zip":69002}', '{"total":2,"zip":"SW1A 1AA"}', '{"total":12.345,"zip":1}'];
    const found = checkLakeReadability([{ key: 'sales/a.gz', lines }], declared).map(describeUnreadable);
    expect(found).toEqual([
      'sales/a.gz line 2, column zip (first-sighting crawl): string "SW1A 1AA" in an int column (HIVE_BAD_DATA); the crawler fixed int at first sighting',
      'sales/a.gz line 3, column total (declared table): number 12.345 has 3 fraction digits, decimal(12,2) rounds to 2',
    ]);
  });

  test('flags partition names, long names and duplicate keys', () => {
    const lines = [`{"year":2025,"${'a'.repeat(256)}":"x","Id":"1","id":"2"}`];
    const problems = checkLakeReadability([{ key: 'k', lines }], declared).map((value) => value.problem);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('partition'),
        expect.stringContaining('255'),
        expect.stringContaining('Duplicate key'),
      ]),
    );
  });

  test('finds nothing in rows the schema-built handler wrote from adversarial items', () => {
    const schema = createRowSchema(ORDER_CHANGE_COLUMNS);
    expect(typeof createHandler({ schema })).toBe('function');
    const items = [
      {
        item_count: { N: '2.5' },
        total: { N: '12.345' },
        zip: { N: '69002' },
        year: { N: '2025' },
        line_items: { L: [{ S: 'x' }] },
      },
      {
        item_count: { N: '3' },
        total: { N: '12' },
        zip: { S: 'SW1A 1AA' },
        expires_at: { N: '1736937011.5' },
        tags: { SS: ['a'] },
      },
      {
        item_count: { N: '3000000000' },
        total: { S: 'free' },
        zip: { N: '1.5' },
        tags: { N: '1234567890123456789012345' },
        flag: { BOOL: true },
      },
      {
        [`${'long'.repeat(80)}`]: { M: { Year: { S: 'x' }, nested: { M: { deep: { NULL: true } } } } },
        flag: { S: 'no' },
        expires_at: { N: '1736937011' },
      },
      // Near DynamoDB's 400 KB item limit, and a map nested 40 levels deep under 12-character names.
      {
        note: { S: 'x'.repeat(390_000) },
        deep: Array.from({ length: 40 }).reduce<Record<string, unknown>>(
          (inner, _, i) => ({ M: { [`level${String(i).padStart(7, '0')}`]: inner } }),
          { N: '0.1' },
        ),
      },
      // Mixed lists, sets where lists are declared, and a 38-digit number in every numeric column.
      {
        line_items: { L: [{ M: { sku: { S: 'a' }, quantity: { N: '1' } } }, { L: [] }] },
        cdc_changed_attributes: { SS: ['x'] },
        subtotal: { N: '12345678901234567890123456789012345678' },
        item_count: { N: '12345678901234567890123456789012345678' },
      },
    ];
    const records = items.map((image, i) => ({
      recordId: String(i),
      approximateArrivalTimestamp: 1736937011000,
      data: Buffer.from(
        JSON.stringify({
          eventID: `e${i}`,
          eventName: 'INSERT',
          dynamodb: {
            ApproximateCreationDateTime: 1736937011,
            Keys: { order_id: { S: `o${i}` } },
            NewImage: { order_id: { S: `o${i}` }, ...image },
            SequenceNumber: `10${i}`,
          },
        }),
      ).toString('base64'),
    }));
    const { result, summary } = transformFirehoseEvent({ records }, { schema });
    expect(summary.ok).toBe(items.length);
    expect(summary.rejectedValues).toBeGreaterThan(0);
    const lines = result.records.map((record) => Buffer.from(record.data, 'base64').toString('utf8').trimEnd());
    expect(checkLakeReadability([{ key: 'k', lines }], ORDER_CHANGE_COLUMNS).map(describeUnreadable)).toEqual([]);
    // The same items without a schema would not read.
    const natural = transformFirehoseEvent({ records }).result.records.map((record) =>
      Buffer.from(record.data, 'base64').toString('utf8').trimEnd(),
    );
    expect(checkLakeReadability([{ key: 'k', lines: natural }], ORDER_CHANGE_COLUMNS).length).toBeGreaterThan(0);
  });
});
