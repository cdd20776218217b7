/**
 * The two Glue tables reconcile's Athena side reads, defined once: the stack creates them (`constructs/`), and
 * `sales-lake reconcile --lake s3://…` queries them in the stack's workgroup. Both hold whole row lines in one string
 * column, so reconcile compares each value as the lake stores it (`json_extract` on the line), independent of the
 * crawler's column types and of which partitions it has seen.
 */
import { DATA_PREFIX } from './lake-layout';

/**
 * Key prefix of reconcile's scratch rows (the table's items as snapshot rows, one folder per run). Outside
 * {@link DATA_PREFIX}, so never crawled nor queried as lake data; it expires by lifecycle.
 */
export const RECONCILE_SCRATCH_PREFIX = 'reconcile/';

/** The one column of both tables: a whole row line (JSON text). */
export const ROW_LINE_COLUMN = 'json';

/**
 * Every change row of the lake as its line: an unpartitioned TEXTFILE table over {@link DATA_PREFIX}. Athena reads
 * every object under an unpartitioned table's location, subfolders included, so no partition must be known.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/tables-location-format.html
 */
export const CHANGE_LINES_TABLE = 'order_change_lines';

/**
 * Reconcile's scratch rows as lines: a TEXTFILE table over {@link RECONCILE_SCRATCH_PREFIX}, partitioned by
 * {@link RECONCILE_RUN_COLUMN} with the `injected` projection type, so each run reads only its own folder and no
 * partition is ever registered.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-dynamic-id-partitioning.html
 */
export const RECONCILE_ROWS_TABLE = 'reconcile_rows';

/** The partition column of {@link RECONCILE_ROWS_TABLE}: a run's id, also its folder under the scratch prefix. */
export const RECONCILE_RUN_COLUMN = 'run';

/**
 * The folder (relative to the bucket) of one run's scratch rows.
 *
 * @param run - The run's id: lower-case letters, digits and `-` only.
 * @returns e.g. `reconcile/r-1733030000000000/`
 * @throws Error for an id that is not safe in a path and a SQL literal.
 * @example
 * ```ts
 * reconcileRunPrefix('r-1733030000000000'); //=> 'reconcile/r-1733030000000000/'
 * ```
 */
export function reconcileRunPrefix(run: string): string {
  if (!/^[a-z0-9-]{1,128}$/.test(run)) throw new Error(`reconcile run id must match [a-z0-9-]{1,128}, got "${run}"`);
  return `${RECONCILE_SCRATCH_PREFIX}${run}/`;
}

/**
 * Athena `storage.location.template` of {@link RECONCILE_ROWS_TABLE}; `${…}` is escaped as `$${…}` for Terraform.
 *
 * @param bucketName - The lake bucket's name (may be a Terraform token).
 * @returns e.g. `s3://lake/reconcile/$${run}/`
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-setting-up.html
 */
export function reconcileRowsLocationTemplate(bucketName: string): string {
  return `s3://${bucketName}/${RECONCILE_SCRATCH_PREFIX}$\${${RECONCILE_RUN_COLUMN}}/`;
}
