import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One Athena named query, as kept in `constructs/queries/<name>.sql`. */
export interface NamedQuery {
  /** File name without `.sql`, e.g. `current_state`. */
  readonly name: string;
  /** One statement, no trailing semicolon. */
  readonly sql: string;
}

/**
 * Read the infrastructure's named queries: the same files the Athena construct deploys, so the
 * local run can never drift from what Athena runs.
 *
 * @param queriesDir - the `constructs/queries` folder
 * @returns the queries sorted by name
 * @throws Error when the folder is missing or holds no `.sql` file
 */
export function readNamedQueries(queriesDir: string): NamedQuery[] {
  const files = readdirSync(queriesDir).filter((file) => file.endsWith('.sql')).sort();
  if (files.length === 0) throw new Error(`no .sql files in ${queriesDir}`);
  return files.map((file) => ({ name: basename(file, '.sql'), sql: readFileSync(join(queriesDir, file), 'utf8').trim() }));
}
