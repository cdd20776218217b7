/** Wall-clock milliseconds spent in each stage of a run. */
export interface StageTimings {
  /** Start dynalite (or connect) and create the table. */
  database: number;
  /** Plan, write through the generator with change capture, pipe into Kinesis. */
  generate_and_capture: number;
  /** Read the table's final items. */
  scan: number;
  /** Firehose: buffering, transform invocations, objects written. */
  deliver: number;
  /** Read the lake and infer the schema. */
  crawl: number;
  /** Mount the lake in DuckDB and run the named queries. */
  query: number;
}

/** Contents of `summary.json`. Counts of records are per change: re-delivered copies count once. */
export interface LocalSummary {
  /** Stream records captured from the table's writes. */
  readonly changes_captured: number;
  /** Changes Firehose delivered to the data prefix (`Ok`). */
  readonly records_delivered: number;
  /** Changes written to the error prefix (`ProcessingFailed` or a failed invocation). */
  readonly records_failed: number;
  /** Changes the transform answered with `Dropped`. */
  readonly records_dropped: number;
  /** Extra deliveries injected by `--duplicates` (rows written twice). */
  readonly records_redelivered: number;
  /** Transform invocations, retries included. */
  readonly lambda_invocations: number;
  /** Items in the table at the end. */
  readonly table_items: number;
  /** Rows returned by the current-state named query. */
  readonly current_state_rows: number | null;
  /** Columns in the lake that `@sales/pipeline-spec` (`lake/catalog-schema.ts`) does not declare. */
  readonly new_columns: string[];
  /** Columns whose data the declared type cannot read. */
  readonly schema_conflicts: string[];
  /** Objects written (data and error). */
  readonly files: number;
  /** Compressed bytes written (data and error). */
  readonly bytes: number;
  /** Records per Kinesis shard. */
  readonly shard_records: number[];
  /** Generator operations applied / failed. */
  readonly operations: { readonly planned: number; readonly succeeded: number; readonly failed: number };
  /** Whole run, wall clock. */
  readonly duration_ms: number;
  /** Wall clock per stage. */
  readonly stage_ms: StageTimings;
  /** Changes captured per second of the whole run. */
  readonly changes_per_second: number;
  /** What went wrong, if anything; empty on success. */
  readonly problems: string[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * A short human summary of a run.
 *
 * @param summary - the run's summary
 * @param out - the lake folder
 * @returns a few lines of text
 */
export function formatSummary(summary: LocalSummary, out: string): string {
  const s = summary;
  const lines = [
    `${s.changes_captured} changes captured -> ${s.records_delivered} delivered, ${s.records_failed} failed, ${s.records_dropped} dropped` +
      ` (+${s.records_redelivered} re-delivered copies)`,
    `${s.table_items} items in the table, ${s.current_state_rows ?? '?'} rows in the current state`,
    `${s.files} objects, ${s.bytes} bytes in ${out}`,
    `${seconds(s.duration_ms)} in all, ${Math.round(s.changes_per_second)} changes/s; ` +
      Object.entries(s.stage_ms).map(([stage, ms]) => `${stage} ${seconds(ms)}`).join(', '),
  ];
  for (const problem of s.problems) lines.push(`problem: ${problem}`);
  return lines.join('\n');
}
