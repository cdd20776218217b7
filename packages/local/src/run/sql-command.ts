/**
 * runSql: `npm run local -- --sql "<query>"` queries the lake an earlier run wrote, without running the pipeline.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '@sales/command-line';
import { localCurrentFiles } from '@sales/lake-ops';
import type { PipelineConfig } from '@sales/pipeline-spec';
import { DuckDbLake } from '../athena/duckdb-lake.js';
import { mountLiveView } from '../athena/live-view-mount.js';
import { crawlLake } from './lake-stage.js';
import { OUT_MARKER } from './out-folder.js';
import { toLocalSettings } from './pipeline-settings.js';
import { formatTextTable } from './text-table.js';

/**
 * Crawl the lake in `out` as a run does, mount it in DuckDB as `order_changes` (the Athena table's name and
 * column types) and the merge's export as `orders_current`, with the low-latency path's `order_changes_recent` and
 * `orders_live` when it is on, and run one statement.
 *
 * @param out - a lake folder an earlier `npm run local` wrote
 * @param sql - the statement, in the SQL DuckDB and Athena share
 * @param config - the configuration (table name, prefixes)
 * @returns the result as a text table with every row, and a row count
 * @throws {@link UsageError} naming `--out` when there is no lake there, or `--sql` when DuckDB rejects the statement
 * @example
 * ```ts
 * await runSql('.local', 'SELECT count(*) AS n FROM order_changes', config);
 * //=> 'n\n---\n812\n(1 rows)\n'
 * ```
 */
export async function runSql(out: string, sql: string, config: PipelineConfig): Promise<string> {
  if (!existsSync(join(out, OUT_MARKER)) || !existsSync(join(out, 'sales'))) {
    throw new UsageError(`--out "${out}" holds no lake from npm run local; run npm run local first`);
  }
  const settings = toLocalSettings(config, 'query');
  const { catalog } = await crawlLake(out, settings);
  const lake = await DuckDbLake.open(
    out,
    settings.dataPrefix,
    settings.firehose.fileExtension,
    settings.catalogTableName,
    catalog.table,
    localCurrentFiles(out).parquet,
  );
  try {
    if (config.recentPathEnabled) await mountLiveView(lake, out, config.mergeLatenessSeconds);
    const result = await lake.query(sql);
    return `${formatTextTable(result.columns, result.rows, Number.POSITIVE_INFINITY)}\n(${result.rows.length} rows)\n`;
  } catch (error) {
    throw new UsageError(`--sql failed: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  } finally {
    lake.close();
  }
}
