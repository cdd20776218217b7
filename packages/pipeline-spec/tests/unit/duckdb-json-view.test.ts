import { lakeJsonViewSql, parseHiveType } from '@sales/pipeline-spec';

describe('lakeJsonViewSql', () => {
  const columns = [
    { name: 'order_id', type: parseHiveType('string') },
    { name: 'total', type: parseHiveType('decimal(12,2)') },
  ];

  test('spells a temporary or a plain view, quoting names and the glob', () => {
    const temp = lakeJsonViewSql({
      name: 'a"b',
      temporary: true,
      dataGlob: "/x/it's/**/*.json.gz",
      columns,
      partitionKeys: ['dt'],
    });
    expect(temp).toBe(
      `CREATE OR REPLACE TEMP VIEW "a""b" AS SELECT "order_id", "total", "dt" FROM read_json('/x/it''s/**/*.json.gz', ` +
        `format = 'newline_delimited', compression = 'gzip', hive_partitioning = true, hive_types_autocast = false, ` +
        `columns = {'order_id': 'VARCHAR', 'total': 'DECIMAL(12, 2)'})`,
    );
    expect(lakeJsonViewSql({ name: 'v', temporary: false, dataGlob: '/g', columns, partitionKeys: [] })).toMatch(
      /^CREATE OR REPLACE VIEW "v" AS SELECT "order_id", "total" FROM read_json\('\/g'/,
    );
  });
});
