/**
 * mountLiveView: `order_changes_recent`, the current-state relations and `orders_live` in a local DuckDB, from the
 * same definitions Athena uses (`@sales/pipeline-spec` `current/live-view.ts`).
 */
import { localCurrentFiles } from '@sales/lake-ops';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CURRENT_COLUMNS,
  CURRENT_TABLE_NAME,
  DATA_FILE_EXTENSION,
  DUCKDB_MERGE_DIALECT,
  type GlueColumn,
  LIVE_VIEW_NAME,
  liveViewSql,
  MERGE_LOG_COLUMNS,
  MERGE_LOG_TABLE_NAME,
  ORDER_CHANGE_COLUMNS,
  RECENT_PARTITION_COLUMNS,
  RECENT_PREFIX,
  RECENT_TABLE_NAME,
  TOMBSTONE_COLUMNS,
  TOMBSTONE_TABLE_NAME,
  parseHiveType,
  toDuckDbType,
} from '@sales/pipeline-spec';
import { createViewSql } from './duckdb-lake.js';

/** What can run one SQL statement: a {@link DuckDbLake}. */
export interface SqlRunner {
  query(sql: string): Promise<unknown>;
}

/** Whether `orders_current` came from a merge, or stands empty because no merge has written it. */
export type CurrentStateSource = 'merged' | 'absent';

/** The name the current-state database is attached under. */
const ATTACHED = 'current_state';

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const typed = (columns: readonly GlueColumn[]): string =>
  columns.map((column) => `${quote(column.name)} ${toDuckDbType(parseHiveType(column.type))}`).join(', ');

/** Whether any file under `dir` (recursively) ends with `extension`. */
function holdsFiles(dir: string, extension: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((entry) => entry.endsWith(extension));
}

/**
 * Mount the low-latency path in `lake`: `order_changes_recent` over `<root>/recent/` (the declared columns and the
 * `dt` folders as a string; an empty table before the first object), `orders_current`, its tombstones and merge log
 * from the current-state database under `<root>/current/`, attached read-only (empty tables when no merge has written
 * it: what Athena sees before the first merge), and the `orders_live` view in DuckDB's dialect.
 *
 * @param lake - an open DuckDB
 * @param root - the lake folder
 * @param latenessSeconds - the merge's lateness (`mergeLatenessSeconds`)
 * @returns where `orders_current` came from
 * @throws the DuckDB error, e.g. for unreadable files
 */
export async function mountLiveView(
  lake: SqlRunner,
  root: string,
  latenessSeconds: number,
): Promise<CurrentStateSource> {
  const recent = join(root, RECENT_PREFIX);
  await lake.query(
    holdsFiles(recent, DATA_FILE_EXTENSION)
      ? createViewSql(RECENT_TABLE_NAME, join(recent, '**', `*${DATA_FILE_EXTENSION}`), {
          columns: ORDER_CHANGE_COLUMNS.map((column) => ({ name: column.name, type: parseHiveType(column.type) })),
          partitionKeys: RECENT_PARTITION_COLUMNS.map((column) => column.name),
        })
      : `CREATE OR REPLACE TABLE ${quote(RECENT_TABLE_NAME)} (${typed([...ORDER_CHANGE_COLUMNS, ...RECENT_PARTITION_COLUMNS])})`,
  );
  const tables: [string, readonly GlueColumn[]][] = [
    [CURRENT_TABLE_NAME, CURRENT_COLUMNS],
    [TOMBSTONE_TABLE_NAME, TOMBSTONE_COLUMNS],
    [MERGE_LOG_TABLE_NAME, MERGE_LOG_COLUMNS],
  ];
  const { database } = localCurrentFiles(root);
  const merged = existsSync(database);
  if (merged) await lake.query(`ATTACH ${literal(database)} AS ${ATTACHED} (READ_ONLY)`);
  for (const [name, columns] of tables) {
    await lake.query(
      merged
        ? `CREATE OR REPLACE VIEW ${quote(name)} AS SELECT * FROM ${ATTACHED}.${quote(name)}`
        : `CREATE OR REPLACE TABLE ${quote(name)} (${typed(columns)})`,
    );
  }
  const sql = liveViewSql(
    DUCKDB_MERGE_DIALECT,
    {
      recent: quote(RECENT_TABLE_NAME),
      current: quote(CURRENT_TABLE_NAME),
      tombstones: quote(TOMBSTONE_TABLE_NAME),
      mergeLog: quote(MERGE_LOG_TABLE_NAME),
    },
    latenessSeconds,
  );
  await lake.query(`CREATE OR REPLACE VIEW ${quote(LIVE_VIEW_NAME)} AS ${sql}`);
  return merged ? 'merged' : 'absent';
}
