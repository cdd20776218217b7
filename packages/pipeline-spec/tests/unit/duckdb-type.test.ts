import {
  CURRENT_COLUMNS,
  duckDbTypeOf,
  HiveTypeError,
  ORDER_CHANGE_COLUMNS,
  parseHiveType,
} from '@sales/pipeline-spec';

describe('duckDbTypeOf', () => {
  test.each([
    ['string', 'VARCHAR'],
    ['int', 'INTEGER'],
    ['bigint', 'BIGINT'],
    ['boolean', 'BOOLEAN'],
    ['double', 'DOUBLE'],
    ['decimal(12,2)', 'DECIMAL(12, 2)'],
    ['array<string>', 'VARCHAR[]'],
    ['array<struct<sku:string,quantity:int>>', 'STRUCT("sku" VARCHAR, "quantity" INTEGER)[]'],
  ])('%s -> %s', (hive, duckdb) => {
    expect(duckDbTypeOf(hive)).toBe(duckdb);
  });

  test('keeps money decimal inside the line items of the declared table', () => {
    const lineItems = ORDER_CHANGE_COLUMNS.find((column) => column.name === 'line_items');
    expect(duckDbTypeOf(lineItems?.type ?? '')).toBe(
      'STRUCT("sku" VARCHAR, "product_name" VARCHAR, "category" VARCHAR, "quantity" INTEGER, ' +
        '"unit_price" DECIMAL(12, 2), "line_total" DECIMAL(12, 2))[]',
    );
  });

  test('maps every declared column of the change log and of orders_current', () => {
    for (const column of [...ORDER_CHANGE_COLUMNS, ...CURRENT_COLUMNS])
      expect(duckDbTypeOf(column.type)).not.toMatch(/DOUBLE/);
  });

  test('refuses a type it cannot read, naming it', () => {
    expect(() => parseHiveType('map<string,int>')).toThrow(HiveTypeError);
    expect(() => duckDbTypeOf('varchar(10)')).toThrow('cannot read Hive type "varchar(10)" at position');
  });
});
