import { formatCatalogTable, inferCatalogTable } from '../../src/glue/crawler';
import { toDuckDbType } from '@sales/pipeline-spec';
import { inferGlueType, mergeGlueTypes, renderGlueType } from '../../src/glue/glue-types';
import type { LakeFile } from '../../src/glue/lake-reader';

const file = (key: string, rows: Record<string, unknown>[]): LakeFile => ({
  key,
  partitions: { year: '2025', month: '01', day: '15', hour: key },
  rows,
  lines: rows.map((row) => JSON.stringify(row)),
});

describe('schema inference as the Glue crawler does it', () => {
  test.each([
    ['text', 'string'],
    [true, 'boolean'],
    [42, 'int'],
    [2 ** 31, 'bigint'],
    [44.98, 'double'],
    [null, 'string'],
    [['a', 'b'], 'array<string>'],
    [[], 'array<string>'],
    [{ city: 'Paris', zip: 75001 }, 'struct<city:string,zip:int>'],
    [
      [
        { sku: 'A', quantity: 2, line_total: 1.5 },
        { sku: 'B', quantity: 3000000000, line_total: 2 },
      ],
      'array<struct<sku:string,quantity:bigint,line_total:double>>',
    ],
  ])('types %j as %s', (value, expected) => {
    expect(renderGlueType(inferGlueType(value))).toBe(expected);
  });

  test('widens numbers and keeps the first non-null type', () => {
    const merged = [1, null, 2 ** 40, 0.5].map(inferGlueType).reduce(mergeGlueTypes);
    expect(renderGlueType(merged)).toBe('double');
    expect(renderGlueType(mergeGlueTypes(inferGlueType(null), inferGlueType(['x'])))).toBe('array<string>');
  });

  test('falls back to string when a column holds incompatible types', () => {
    expect(renderGlueType(mergeGlueTypes(inferGlueType('7'), inferGlueType(7)))).toBe('string');
  });

  test('merges columns across rows and files in first-seen order, with partitions from the folders', () => {
    const table = inferCatalogTable([
      file('10', [{ order_id: 'a', total: 10, cdc_changed_attributes: null }]),
      file('11', [{ order_id: 'b', total: 10.5, cdc_changed_attributes: ['status'], Extra: true }]),
    ]);

    expect(table.columns.map((c) => [c.name, renderGlueType(c.type)])).toEqual([
      ['order_id', 'string'],
      ['total', 'double'],
      ['cdc_changed_attributes', 'array<string>'],
      ['extra', 'boolean'],
    ]);
    expect(table.partitionKeys).toEqual(['year', 'month', 'day', 'hour']);
    expect(formatCatalogTable(table, 'order_changes')).toContain('partitioned by (4)');
  });

  test('rejects files with different partition folders', () => {
    const odd: LakeFile = { key: 'x', partitions: { year: '2025' }, rows: [], lines: [] };
    expect(() => inferCatalogTable([file('10', []), odd])).toThrow(
      'x has partition folders year, others have year/month/day/hour',
    );
  });

  test('maps Glue types to the DuckDB types that read them the same way', () => {
    expect(toDuckDbType(inferGlueType([{ sku: 'A', quantity: 2 }]))).toBe(
      'STRUCT("sku" VARCHAR, "quantity" INTEGER)[]',
    );
    expect(toDuckDbType(inferGlueType(null))).toBe('VARCHAR');
  });
});
