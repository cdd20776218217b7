import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Folder of the named queries: one `.sql` file per query, one statement each, no trailing `;`. */
export const QUERIES_DIR = __dirname;

/** A named query as read from its file. */
export interface NamedQuerySource {
  /** File name without `.sql`, e.g. `top_products`; the query's name in Athena. */
  readonly name: string;
  /** The SQL text, trimmed. */
  readonly sql: string;
  /** The leading `--` comment, which describes the query (at most 1024 characters). */
  readonly description: string;
}

/**
 * Read every `.sql` file of a folder, sorted by name.
 *
 * @param directory - folder to read (default: {@link QUERIES_DIR})
 * @returns the queries
 * @throws Error when a file has no leading `--` description, ends with `;`, or breaks Athena's limits
 */
export function readNamedQueries(directory: string = QUERIES_DIR): NamedQuerySource[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(directory, file), 'utf8').trim();
      const name = basename(file, '.sql');
      const comment = /^--\s*(.+)$/m.exec(sql.split('\n')[0] ?? '');
      if (comment?.[1] === undefined) throw new Error(`${file} must start with a "-- description" line`);
      if (sql.endsWith(';')) throw new Error(`${file} must hold one statement without a trailing semicolon`);
      if (name.length > 128 || sql.length > 262144) throw new Error(`${file} exceeds Athena's named-query limits`);
      return { name, sql, description: comment[1].trim().slice(0, 1024) };
    });
}
