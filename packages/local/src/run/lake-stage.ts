import { localCurrentFiles } from '@sales/lake-ops';
import { ORDER_CHANGE_COLUMNS, PARTITION_COLUMNS, readNamedQueries, type NamedQuerySource } from '@sales/pipeline-spec';
import { mergeWithDeclared, type EffectiveCatalog } from '../glue/catalog-merge.js';
import { formatCatalogTable, inferCatalogTable } from '../glue/crawler.js';
import { checkLakeReadability, describeUnreadable } from '../glue/readability-check.js';
import { DuckDbLake, type QueryResult } from '../athena/duckdb-lake.js';
import { readLake } from '../glue/lake-reader.js';
import type { LocalPipelineSettings } from './pipeline-settings.js';
import { formatTextTable } from './text-table.js';
import type { CatalogTable } from '../types.js';

/** Name of the named query that rebuilds the current state of every order from the whole change log. */
export const LOG_STATE_QUERY = 'current_orders_from_log';

/** One named query and its outcome. */
export interface QueryOutcome {
  /** The query as read from its file. */
  readonly query: NamedQuerySource;
  /** Its result, when it ran. */
  readonly result?: QueryResult;
  /** DuckDB's error (first line), when it did not. */
  readonly error?: string | undefined;
}

/** What a crawl found. */
export interface CrawlResult {
  /** The schema inferred from the data alone. */
  readonly crawled: CatalogTable;
  /** The declared table merged with it: what Athena queries. */
  readonly catalog: EffectiveCatalog;
  /** Rows read. */
  readonly rows: number;
}

/**
 * Crawl the data prefix: read every object, infer the table as the Glue crawler would, and merge
 * it into the table the infrastructure declares (`@sales/pipeline-spec` (`lake/catalog-schema.ts`)).
 *
 * @param out - lake folder
 * @param settings - data prefix
 * @returns the inferred schema, the effective table with its conflicts, and the rows read
 */
export function crawlLake(out: string, settings: LocalPipelineSettings): CrawlResult {
  const files = readLake(out, settings.dataPrefix);
  const crawled = inferCatalogTable(files);
  const merged = mergeWithDeclared(ORDER_CHANGE_COLUMNS, PARTITION_COLUMNS, crawled);
  const unreadable = checkLakeReadability(files, ORDER_CHANGE_COLUMNS).map(describeUnreadable);
  return {
    crawled,
    catalog: { ...merged, conflicts: [...merged.conflicts, ...unreadable] },
    rows: files.reduce((sum, file) => sum + file.rows.length, 0),
  };
}

/**
 * Run each named query unchanged on DuckDB over the lake, through the `order_changes` view whose
 * column types are the effective table's, and the `orders_current` view over the merge's export
 * (`<out>/current/orders_current.parquet`) when there is one. A query that fails is reported with
 * its error; the others still run.
 *
 * @param out - lake folder
 * @param settings - table name, data prefix, file extension
 * @param table - the effective table (declared columns, then new ones)
 * @param queriesDir - folder of the `.sql` files (the infrastructure's own reader validates them)
 * @returns one outcome per query, in name order
 */
export async function runNamedQueries(
  out: string,
  settings: LocalPipelineSettings,
  table: CatalogTable,
  queriesDir: string,
): Promise<QueryOutcome[]> {
  const queries = readNamedQueries(queriesDir);
  if (table.columns.length === 0) return queries.map((query) => ({ query, error: 'the lake holds no rows' }));
  const lake = await DuckDbLake.open(
    out,
    settings.dataPrefix,
    settings.firehose.fileExtension,
    settings.catalogTableName,
    table,
    localCurrentFiles(out).parquet,
  );
  try {
    const outcomes: QueryOutcome[] = [];
    for (const query of queries) {
      try {
        outcomes.push({ query, result: await lake.query(query.sql) });
      } catch (error) {
        outcomes.push({ query, error: (error as Error).message.split('\n')[0] });
      }
    }
    return outcomes;
  } finally {
    lake.close();
  }
}

/**
 * The printed report: the inferred schema and how it compares with the declared table, then each
 * query's result table.
 *
 * @param crawl - what the crawl found
 * @param tableName - `order_changes`
 * @param outcomes - the query outcomes
 * @returns text for stdout
 */
export function formatLakeReport(crawl: CrawlResult, tableName: string, outcomes: readonly QueryOutcome[]): string {
  const { catalog } = crawl;
  const comparison = [
    `Compared with the declared table (@sales/pipeline-spec lake/catalog-schema.ts): ${catalog.newColumns.length} new columns` +
      (catalog.newColumns.length > 0 ? ` (${catalog.newColumns.join(', ')})` : '') +
      `, ${catalog.conflicts.length} conflicts`,
    ...catalog.conflicts.map((conflict) => `  ${conflict}`),
  ].join('\n');
  const sections = [
    `Schema inferred by the crawler emulation:\n${formatCatalogTable(crawl.crawled, tableName)}\n${comparison}`,
  ];
  for (const { query, result, error } of outcomes) {
    const body = result
      ? `${formatTextTable(result.columns, result.rows)}\n(${result.rows.length} rows)`
      : `FAILED: ${error}`;
    sections.push(`Query ${query.name}:\n${body}`);
  }
  return `${sections.join('\n\n')}\n`;
}
