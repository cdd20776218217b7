/**
 * AthenaComparison: runs reconcile's comparison (see `comparison-sql.ts`) in Athena, in the stack's
 * workgroup, over the Glue tables `reconcile-tables.ts` (in `@sales/pipeline-spec`) names.
 */
import type { ComparisonEngine } from './find-drift.js';
import { ATHENA_DIALECT } from './sql-dialect.js';
import { readQueryResults } from '../athena/read-query-results.js';
import { runAthenaQuery, type AthenaQueryOptions } from '../athena/run-athena-query.js';

/**
 * A {@link ComparisonEngine} on Athena engine version 3: each query is started in the workgroup, awaited and its
 * results paged in. Queries of one run are idempotent (see `queryRequestToken`); Ctrl-C stops the running one.
 *
 * @example
 * ```ts
 * const engine = new AthenaComparison({ client: new AthenaClient({}), workGroup, database, run, signal });
 * await engine.query('SELECT 1 AS one'); //=> [{ one: '1' }]
 * ```
 */
export class AthenaComparison implements ComparisonEngine {
  /** The dialect the comparison's SQL is rendered in. */
  readonly dialect = ATHENA_DIALECT;

  /** @param options - Client, workgroup, database, run, signal and poll delays. */
  constructor(private readonly options: AthenaQueryOptions) {}

  /**
   * Runs one query.
   *
   * @param sql - One SELECT.
   * @returns Its rows, every value as text (or null).
   * @throws AthenaQueryError when it fails, is cancelled or is stopped.
   */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    const id = await runAthenaQuery(this.options, sql);
    return readQueryResults(this.options.client, id, this.options.signal);
  }
}
