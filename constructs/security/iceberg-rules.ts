/**
 * Apply-time rules of Iceberg tables in Glue, judged on synthesized resource blocks like `apply-time-rules.ts`: what
 * Glue and Iceberg refuse, or accept and then get wrong, that `terraform validate` cannot see. The policy aspect
 * attaches them with the other tables of the stack.
 */
import { block, type ResourceBlock } from './apply-time-rules';

const OPTIMIZERS = 'https://docs.aws.amazon.com/glue/latest/dg/table-optimizers.html';
const SIBLING_PREFIX = 'https://github.com/apache/iceberg/pull/17448';

/** Whether a Glue table block is an Iceberg table (`open_table_format_input` with `iceberg_input`). */
export function isIcebergTable(table: ResourceBlock): boolean {
  return block(block(table['open_table_format_input'])?.['iceberg_input']) !== undefined;
}

/** A table block's `storage_descriptor.location`, or `undefined`. */
export function tableLocation(table: ResourceBlock): string | undefined {
  const location = block(table['storage_descriptor'])?.['location'];
  return typeof location === 'string' ? location : undefined;
}

const withSlash = (location: string) => (location.endsWith('/') ? location : `${location}/`);
const withoutSlash = (location: string) => location.replace(/\/+$/, '');

/**
 * An Iceberg table's location must be its own: no other table (Iceberg or not) may have the same location, one inside
 * it, or one around it. Glue's optimizers refuse to maintain tables that share a location, and an orphan-file scan of
 * the outer table would delete the inner table's files.
 *
 * @param table - an `aws_glue_catalog_table` block
 * @param others - the stack's other table blocks
 * @returns violations
 * @see https://docs.aws.amazon.com/glue/latest/dg/table-optimizers.html
 * @example
 * ```ts
 * icebergLocationViolations(icebergAt('s3://b/current/t/'), [tableAt('s3://b/current/')]);
 * //=> ['Iceberg table "t" at s3://b/current/t/ overlaps table "u" at s3://b/current/: each Iceberg table needs a location of its own (see https://...)']
 * ```
 */
export function icebergLocationViolations(table: ResourceBlock, others: readonly ResourceBlock[]): string[] {
  if (!isIcebergTable(table)) return [];
  const location = tableLocation(table);
  if (location === undefined || !location.startsWith('s3://'))
    return [`Iceberg table "${String(table['name'])}" needs an s3:// storage_descriptor location (see ${OPTIMIZERS})`];
  return others.flatMap((other) => {
    const otherLocation = tableLocation(other);
    if (otherLocation === undefined) return [];
    const [a, b] = [withSlash(location), withSlash(otherLocation)];
    if (!a.startsWith(b) && !b.startsWith(a)) return [];
    return [
      `Iceberg table "${String(table['name'])}" at ${location} overlaps table "${String(other['name'])}" at ${otherLocation}: each Iceberg table needs a location of its own (see ${OPTIMIZERS})`,
    ];
  });
}

/**
 * A table optimizer must maintain an Iceberg table (Glue supports no other format), and an orphan-file deletion must
 * not run on a table whose location, without its trailing `/`, is a string prefix of another table's location
 * (`…/orders_current` of `…/orders_current_tombstones/`): a scan that lists by key prefix would take the other table's
 * live files for orphans and delete them.
 *
 * @param optimizer - an `aws_glue_catalog_table_optimizer` block
 * @param table - the block of the table it names, or `undefined` when it names none of the stack's
 * @param others - the stack's other table blocks
 * @returns violations
 * @see https://docs.aws.amazon.com/glue/latest/dg/table-optimizers.html
 * @see https://github.com/apache/iceberg/pull/17448
 */
export function tableOptimizerViolations(
  optimizer: ResourceBlock,
  table: ResourceBlock | undefined,
  others: readonly ResourceBlock[],
): string[] {
  const type = String(optimizer['type']);
  if (table === undefined || !isIcebergTable(table))
    return [
      `the ${type} optimizer of table ${String(optimizer['table_name'])} needs an Iceberg table (see ${OPTIMIZERS})`,
    ];
  if (type !== 'orphan_file_deletion') return [];
  const stem = withoutSlash(tableLocation(table) ?? '');
  return others.flatMap((other) => {
    const otherLocation = tableLocation(other);
    if (otherLocation === undefined || !otherLocation.startsWith(stem)) return [];
    return [
      `orphan file deletion on table "${String(table['name'])}" would list ${stem}*, which holds table "${String(other['name'])}" at ${otherLocation}: give each table a folder no other folder's name starts with (see ${SIBLING_PREFIX})`,
    ];
  });
}

/** The key prefix a lifecycle rule applies to: `filter.prefix`, `filter.and.prefix`, the rule's own `prefix`, or all. */
function rulePrefix(rule: Record<string, unknown>): string {
  const filter = block(rule['filter']);
  const prefix = filter?.['prefix'] ?? block(filter?.['and'])?.['prefix'] ?? rule['prefix'] ?? '';
  return String(prefix);
}

/**
 * No lifecycle rule may expire or transition the objects of an Iceberg table: Iceberg deletes its own files (snapshot
 * retention, orphan-file deletion), and an object S3 removes or archives under it breaks every query that still reads
 * the snapshot. Noncurrent-version expiry stays allowed: it removes only versions Iceberg has already deleted.
 *
 * @param configuration - an `aws_s3_bucket_lifecycle_configuration` block
 * @param tableKeyPrefixes - the key prefixes of the Iceberg tables in that bucket (e.g. `current/orders_current/`)
 * @returns violations
 * @see https://docs.aws.amazon.com/glue/latest/dg/table-optimizers.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html
 */
export function icebergLifecycleViolations(
  configuration: ResourceBlock,
  tableKeyPrefixes: readonly string[],
): string[] {
  const rules = ([] as unknown[])
    .concat(configuration['rule'] ?? [])
    .filter((rule): rule is Record<string, unknown> => typeof rule === 'object' && rule !== null);
  return rules.flatMap((rule) => {
    const removes = ['expiration', 'transition'].filter((key) => block(rule[key]) !== undefined);
    if (removes.length === 0) return [];
    const prefix = rulePrefix(rule);
    return tableKeyPrefixes
      .filter((table) => table.startsWith(prefix) || prefix.startsWith(table))
      .map(
        (table) =>
          `lifecycle rule "${String(rule['id'])}" (${removes.join(', ')} under "${prefix}") reaches the Iceberg table under ${table}: Iceberg must expire its own files (see ${OPTIMIZERS})`,
      );
  });
}
