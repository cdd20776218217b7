import { ORDER_CHANGE_COLUMNS, PARTITION_COLUMNS } from '@sales/pipeline-spec';
import { isReadableAs, mergeWithDeclared } from '../../src/glue/catalog-merge';
import { inferGlueType, renderGlueType } from '../../src/glue/glue-types';
import { parseHiveType } from '@sales/pipeline-spec';

describe('parseHiveType', () => {
  test.each([
    'string',
    'decimal(12,2)',
    'array<string>',
    'array<struct<sku:string,product_name:string,quantity:int,unit_price:decimal(12,2)>>',
    'struct<a:struct<b:array<bigint>>,c:boolean>',
  ])('reads %s back to the same text', (text) => {
    expect(renderGlueType(parseHiveType(text))).toBe(text);
  });

  test('reads every column type the catalog declares', () => {
    for (const column of [...ORDER_CHANGE_COLUMNS, ...PARTITION_COLUMNS])
      expect(renderGlueType(parseHiveType(column.type))).toBe(column.type);
  });

  test.each(['map<string,int>', 'array<string', 'decimal(12)', 'struct<>', 'string extra'])('refuses %s', (text) => {
    expect(() => parseHiveType(text)).toThrow(`cannot read Hive type "${text}"`);
  });
});

describe('isReadableAs', () => {
  test.each([
    ['decimal(12,2)', 44.98, true],
    ['decimal(12,2)', 44, true],
    ['decimal(12,2)', '44.98', false],
    ['int', 2 ** 40, false],
    ['bigint', 7, true],
    ['string', 7, true],
    ['string', ['a'], false],
    ['boolean', 'true', false],
    ['array<string>', null, true],
    ['array<struct<sku:string,quantity:int>>', [{ sku: 'A', quantity: 2 }], true],
    ['array<struct<sku:string>>', [{ sku: 'A', colour: 'red' }], false],
  ])('%s reads %j: %s', (declared, value, expected) => {
    expect(isReadableAs(parseHiveType(declared), inferGlueType(value))).toBe(expected);
  });
});

describe('mergeWithDeclared', () => {
  const declared = [
    { name: 'order_id', type: 'string' },
    { name: 'total', type: 'decimal(12,2)' },
  ];
  const partitions = [{ name: 'year', type: 'string' }];

  test('keeps declared types, appends new columns, reports what the declared type cannot read', () => {
    const crawled = {
      columns: [
        { name: 'total', type: inferGlueType('12.50') },
        { name: 'coupon', type: inferGlueType('X') },
      ],
      partitionKeys: ['year'],
    };

    const merged = mergeWithDeclared(declared, partitions, crawled);

    expect(merged.table.columns.map((c) => `${c.name} ${renderGlueType(c.type)}`)).toEqual([
      'order_id string',
      'total decimal(12,2)',
      'coupon string',
    ]);
    expect(merged.newColumns).toEqual(['coupon']);
    expect(merged.conflicts).toEqual(['column total: the lake holds string, the table declares decimal(12,2)']);
  });

  test('reports partition folders that differ from the declared partition columns', () => {
    const merged = mergeWithDeclared(declared, partitions, { columns: [], partitionKeys: ['dt'] });
    expect(merged.conflicts).toEqual(['partitions: the lake has dt, the table declares year']);
  });
});
