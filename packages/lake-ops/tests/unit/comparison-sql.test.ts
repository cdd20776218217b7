/**
 * The comparison is one definition: the DuckDB and Athena texts come from the same functions and differ only in the
 * dialect's primitives; each text uses its own engine's functions and none of the other's.
 */
import {
  bucketSummarySql,
  itemColumns,
  keyDriftSql,
  type ComparisonSources,
} from '../../src/reconcile/comparison-sql.js';
import { differingBuckets } from '../../src/reconcile/bucket-summary.js';
import { ATHENA_DIALECT, DUCKDB_DIALECT, type SqlDialect } from '../../src/reconcile/sql-dialect.js';

const SOURCES: ComparisonSources = { lake: 'lake_lines', table: 'table_lines' };
const COLUMNS = ['status', 'total'];
const FENCE = '1736936711000000-0000000000000000000000000000000000000000';

/** Every text the comparison runs, for one dialect. */
const texts = (d: SqlDialect): string[] => [
  d.memberNames([SOURCES.lake, SOURCES.table]),
  bucketSummarySql(d, SOURCES, COLUMNS, 4096),
  keyDriftSql(d, SOURCES, COLUMNS, { buckets: [3, 17], bucketCount: 4096 }, FENCE),
  keyDriftSql(d, SOURCES, COLUMNS, { keys: ['o-1', "it's"] }, FENCE),
];

/** A dialect whose primitives are opaque tokens: what is left is the shared definition. */
const TOKENS: SqlDialect = {
  name: 'duckdb',
  rowSource: (location, columns) => `ROWS(${location};${columns.join(',')})`,
  memberNames: (locations) => `NAMES(${locations.join(',')})`,
  md5Hex: (text) => `MD5(${text})`,
  hexToBigint: (hex) => `HEX(${hex})`,
};

describe('the comparison SQL', () => {
  test('renders the same clauses, in the same order, for DuckDB and Athena', () => {
    const clauses = (text: string): string[] =>
      text.match(
        /\b(WITH|SELECT|FROM|GROUP BY|UNION ALL|FULL OUTER JOIN|WHERE|CASE|WHEN|THEN|ELSE|END|ORDER BY|IN|IS DISTINCT FROM)\b|\b\w+ AS \(/g,
      ) ?? [];
    // The first text (member names) is a primitive itself; the others are the shared definition around the
    // dialect's row sources, which are masked here.
    const masked = (d: SqlDialect): string[] =>
      texts(d)
        .slice(1)
        .map((text) =>
          [SOURCES.lake, SOURCES.table].reduce(
            (out, location) => out.split(d.rowSource(location, COLUMNS)).join('ROWS'),
            text,
          ),
        );
    const duck = masked(DUCKDB_DIALECT).map(clauses);
    const athena = masked(ATHENA_DIALECT).map(clauses);
    const generic = texts(TOKENS).slice(1).map(clauses);
    expect(duck).toEqual(generic);
    expect(athena).toEqual(generic);
    expect(generic[1]).toContain('FULL OUTER JOIN');
  });

  test.each([
    [
      DUCKDB_DIALECT,
      ["read_json('lake_lines'", "'status': 'JSON'", 'md5(', "'0x' ||", 'row_number() OVER', 'json_keys('],
      ['json_extract_scalar', 'to_utf8', 'from_base'],
    ],
    [
      ATHENA_DIALECT,
      [
        'json_extract_scalar(json',
        'json_format(json_extract(json, \'$["status"]\'))',
        'md5(to_utf8(',
        'from_base(',
        'row_number() OVER',
        'FROM lake_lines',
      ],
      ['read_json', "'0x'", 'json_keys'],
    ],
  ] as const)("%# uses its engine's functions only", (dialect, uses, avoids) => {
    const all = texts(dialect).join('\n');
    for (const fragment of uses) expect(all).toContain(fragment);
    for (const fragment of avoids) expect(all).not.toContain(fragment);
  });

  test('the token rendering names every shared step once per side', () => {
    const [, buckets, drift] = texts(TOKENS);
    expect(buckets).toContain("SELECT 'lake' AS side");
    expect(buckets).toContain("SELECT 'table' AS side");
    // The latest row per key comes from a window (whose sort spills), never from max_by (whose string states did not).
    expect(buckets).toContain('row_number() OVER (PARTITION BY order_id ORDER BY cdc_sort_key DESC) AS recency');
    expect(buckets).toContain('WHERE recency = 1');
    expect(buckets).toContain('cdc_operation AS operation, HEX(substr(MD5(');
    for (const text of texts(TOKENS)) expect(text).not.toContain('max_by(');
    expect(buckets).toContain('FROM ROWS(lake_lines;status,total)');
    expect(drift).toContain(`coalesce(t.sort_key, '${FENCE}') AS fence_sort_key`);
    // A key past its fence is returned as in flight (not judged), never dropped.
    expect(drift).toContain("CASE WHEN lake_sort_key > fence_sort_key THEN 'in_flight' ELSE 'judged' END AS status");
    expect(drift).toContain('(HEX(substr(MD5(order_id), 1, 7)) % 4096) IN (3, 17)');
    expect(drift).toContain(`CASE WHEN t.c0 <> l.c0 THEN 'status' END`);
    expect(texts(TOKENS)[3]).toContain("IN ('o-1', 'it''s')");
  });

  test('an Athena member path escapes " and \\ as Trino\'s JSON path tokenizer reads them, inside a SQL literal', () => {
    // Trino JsonPathTokenizer.matchQuotedSubscript: inside ["…"], \" is a quote and \\ a backslash, nothing else.
    const source = ATHENA_DIALECT.rowSource('lines', ['a"b\\c\'d']);
    expect(source).toContain(`json_format(json_extract(json, '$["a\\"b\\\\c''d"]')) AS "a""b\\c'd"`);
  });

  test('item columns leave out the key and the cdc_ columns, sorted', () => {
    expect(itemColumns(['total', 'cdc_sort_key', 'order_id', 'cdc_operation', 'status'])).toEqual(['status', 'total']);
  });

  test('a bucket differs when its count or checksum differs, or one side lacks it', () => {
    const rows = [
      { side: 'lake', bucket: 1, keys: '2', checksum: '10' },
      { side: 'table', bucket: 1, keys: '2', checksum: '10' },
      { side: 'lake', bucket: 2, keys: '2', checksum: '10' },
      { side: 'table', bucket: 2, keys: '2', checksum: '11' },
      { side: 'lake', bucket: 3, keys: '1', checksum: '5' },
      { side: 'table', bucket: 3, keys: '2', checksum: '5' },
      { side: 'table', bucket: 4, keys: '1', checksum: '7' },
    ];
    expect(differingBuckets(rows)).toEqual({ buckets: [2, 3, 4], bucketKeys: [2, 2, 1], lakeKeys: 5 });
  });
});
