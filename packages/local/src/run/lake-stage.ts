import { localCurrentFiles } from '@sales/lake-ops';
import { ORDER_CHANGE_COLUMNS, PARTITION_COLUMNS, readNamedQueries, type NamedQuerySource } from '@sales/pipeline-spec';
import { mergeWithDeclared, type EffectiveCatalog } from '../glue/catalog-merge.js';
import { CatalogInference, formatCatalogTable } from '../glue/crawler.js';
import { describeUnreadable, ReadabilityCheck } from '../glue/readability-check.js';
import { DuckDbLake, type QueryResult } from '../athena/duckdb-lake.js';
import { listLakeKeys, partitionsOf, streamLakeLines } from '../glue/lake-reader.js';
import type { LocalPipelineSettings } from './pipeline-settings.js';
import { formatTextTable } from './text-table.js';
import type { CatalogTable } from '../types.js';
import { LOG_WINDOW_COLUMNS, type StateDifference } from './lake-check.js';
import { compareWithTable } from './table-check.js';

/** Name of the named query that rebuilds the current state of every order from the whole change log. */
export const LOG_STATE_QUERY = 'current_orders_from_log';

/** Rows of each query result kept in memory (the count covers them all): the report shows the first 20. */
export const REPORT_ROWS = 1000;

/** Rows of each query result the report prints, before a `… N more rows` line. */
const REPORT_SHOWN_ROWS = 20;

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
 * Crawl the data prefix: read every object (a line at a time), infer the table as the Glue crawler would, and merge
 * it into the table the infrastructure declares (`@sales/pipeline-spec` (`lake/catalog-schema.ts`)).
 *
 * @param out - lake folder
 * @param settings - data prefix
 * @returns the inferred schema, the effective table with its conflicts, and the rows read
 * @throws Error naming the file and line when a line is not JSON
 */
export async function crawlLake(out: string, settings: LocalPipelineSettings): Promise<CrawlResult> {
  const inference = new CatalogInference();
  const readability = new ReadabilityCheck(ORDER_CHANGE_COLUMNS);
  let rows = 0;
  for (const key of listLakeKeys(out, settings.dataPrefix)) {
    inference.addFile(key, partitionsOf(settings.dataPrefix, key));
    let line = 0;
    for await (const text of streamLakeLines(out, key)) {
      line += 1;
      inference.addRow(parseRow(key, line, text));
      readability.addLine(key, line, text);
    }
    rows += line;
  }
  const crawled = inference.table();
  const merged = mergeWithDeclared(ORDER_CHANGE_COLUMNS, PARTITION_COLUMNS, crawled);
  const unreadable = readability.found.map(describeUnreadable);
  return {
    crawled,
    catalog: { ...merged, conflicts: [...merged.conflicts, ...unreadable] },
    rows,
  };
}

/** One row line, parsed. */
function parseRow(key: string, line: number, text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${key} line ${line} is not JSON`, { cause: error });
  }
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
 * @returns one outcome per query, in name order, each result with its first {@link REPORT_ROWS} rows
 */
export async function runNamedQueries(
  out: string,
  settings: LocalPipelineSettings,
  table: CatalogTable,
  queriesDir: string,
): Promise<QueryOutcome[]> {
  const queries = readNamedQueries(queriesDir);
  if (table.columns.length === 0) return queries.map((query) => ({ query, error: 'the lake holds no rows' }));
  const lake = await openLake(out, settings, table);
  try {
    const outcomes: QueryOutcome[] = [];
    for (const query of queries) {
      try {
        outcomes.push({ query, result: await lake.queryHead(query.sql, REPORT_ROWS) });
      } catch (error) {
        outcomes.push({ query, error: (error as Error).message.split('\n')[0] });
      }
    }
    return outcomes;
  } finally {
    lake.close();
  }
}

/** The lake in `out` mounted as Athena sees it: the change log with `table`'s columns, and `orders_current`. */
const openLake = (out: string, settings: LocalPipelineSettings, table: CatalogTable): Promise<DuckDbLake> =>
  DuckDbLake.open(
    out,
    settings.dataPrefix,
    settings.firehose.fileExtension,
    settings.catalogTableName,
    table,
    localCurrentFiles(out).parquet,
  );

/**
 * The final check of the change log's window: the {@link LOG_STATE_QUERY} query's rows against the table's rows,
 * compared in DuckDB over the lake as the query ran.
 *
 * @param out - lake folder
 * @param settings - table name, data prefix, file extension
 * @param table - the effective table
 * @param sql - the query's SQL
 * @param tableRows - the table's rows (`writeTableRows`)
 * @returns how the window differs from the table
 */
export async function checkLogState(
  out: string,
  settings: LocalPipelineSettings,
  table: CatalogTable,
  sql: string,
  tableRows: string,
): Promise<StateDifference> {
  const lake = await openLake(out, settings, table);
  try {
    return (await compareWithTable(lake, sql, tableRows, LOG_WINDOW_COLUMNS)).difference;
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
      ? `${formatTextTable(result.columns, result.rows, REPORT_SHOWN_ROWS, result.rowCount)}\n(${result.rowCount} rows)`
      : `FAILED: ${error}`;
    sections.push(`Query ${query.name}:\n${body}`);
  }
  return `${sections.join('\n\n')}\n`;
}
