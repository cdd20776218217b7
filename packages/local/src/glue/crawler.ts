import type { GlueType } from '@sales/pipeline-spec';
import { inferGlueType, mergeGlueTypes, renderGlueType } from './glue-types.js';
import type { LakeFile } from './lake-reader.js';
import type { CatalogTable } from '../types.js';

/**
 * Infer the table schema from the lake as the Glue crawler's JSON classifier would: every key of
 * every row becomes a column (names lower-cased, as Glue does), types are merged across rows and
 * files (`CombineCompatibleSchemas`), nested objects become `struct<...>` and arrays `array<...>`;
 * the `key=value` folders become string partition columns.
 *
 * Unlike the crawler, which samples the first 1 MB of each file, this reads every row.
 *
 * @param files - the decoded data objects
 * @returns columns and partition keys
 * @throws Error when files disagree on their partition folders
 * @see https://docs.aws.amazon.com/glue/latest/dg/crawler-s3-folder-table-partition.html
 */
export function inferCatalogTable(files: readonly LakeFile[]): CatalogTable {
  const inference = new CatalogInference();
  for (const file of files) inference.add(file);
  return inference.table();
}

/**
 * {@link inferCatalogTable} fed a file or a row at a time, so a crawl holds a row and the columns, not the lake.
 *
 * @example
 * ```ts
 * const inference = new CatalogInference();
 * inference.addFile(key, { year: '2025' });
 * inference.addRow({ order_id: 'o-1', total: 44.9 });
 * inference.table(); //=> { columns: [...], partitionKeys: ['year', 'month', 'day', 'hour'] }
 * ```
 */
export class CatalogInference {
  private readonly types = new Map<string, GlueType>();
  private partitionKeys: string[] | undefined;

  /**
   * @param file - the next decoded data object
   * @throws Error when it disagrees with the files before it on its partition folders
   */
  add(file: LakeFile): void {
    this.addFile(file.key, file.partitions);
    for (const row of file.rows) this.addRow(row);
  }

  /**
   * Start the next file (its rows follow with {@link CatalogInference.addRow}).
   *
   * @param key - its key
   * @param partitions - its Hive partition values
   * @throws Error when it disagrees with the files before it on its partition folders
   */
  addFile(key: string, partitions: Readonly<Record<string, string>>): void {
    const keys = Object.keys(partitions);
    if (this.partitionKeys !== undefined && keys.join('/') !== this.partitionKeys.join('/')) {
      throw new Error(`${key} has partition folders ${keys.join('/')}, others have ${this.partitionKeys.join('/')}`);
    }
    this.partitionKeys = keys;
  }

  /** @param row - one row of the current file, parsed */
  addRow(row: Readonly<Record<string, unknown>>): void {
    for (const [name, value] of Object.entries(row)) {
      const column = name.toLowerCase();
      this.types.set(column, mergeGlueTypes(this.types.get(column) ?? { kind: 'null' }, inferGlueType(value)));
    }
  }

  /** @returns the columns and partition keys over every file added */
  table(): CatalogTable {
    return {
      columns: [...this.types].map(([name, type]) => ({ name, type })),
      partitionKeys: this.partitionKeys ?? [],
    };
  }
}

/**
 * Print the table as `SHOW CREATE TABLE` would list its columns.
 *
 * @param table - the inferred table
 * @param tableName - e.g. `order_changes`
 * @returns lines of text, one column per line, partitions after
 */
export function formatCatalogTable(table: CatalogTable, tableName: string): string {
  const width = Math.max(...table.columns.map((c) => c.name.length), ...table.partitionKeys.map((k) => k.length));
  const line = (name: string, type: string) => `  ${name.padEnd(width)}  ${type}`;
  return [
    `${tableName} (${table.columns.length} columns)`,
    ...table.columns.map((column) => line(column.name, renderGlueType(column.type))),
    `partitioned by (${table.partitionKeys.length})`,
    ...table.partitionKeys.map((key) => line(key, 'string')),
  ].join('\n');
}
