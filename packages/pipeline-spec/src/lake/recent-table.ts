import { type GlueColumn, PROJECTED_JSON_TABLE_PARAMETERS } from './catalog-schema';
import { RECENT_PARTITION_FORMAT, RECENT_PARTITION_KEY, RECENT_PREFIX } from './lake-layout';

/**
 * The `order_changes_recent` table over the low-latency path's `recent/` prefix: the row columns of `order_changes`
 * (the same transform writes them), and one partition column, the arrival hour `dt`, found by partition projection.
 */

/** The partition column of `order_changes_recent`: a string, as Firehose names the folders. */
export const RECENT_PARTITION_COLUMNS: readonly GlueColumn[] = [
  {
    name: RECENT_PARTITION_KEY,
    type: 'string',
    comment: 'UTC hour (yyyy-MM-dd-HH) the oldest record of the object arrived in; not the event time',
  },
];

/**
 * Athena `storage.location.template` of `order_changes_recent` (Athena's `${dt}` escaped as `$${dt}` for Terraform).
 *
 * @param bucketName - the lake bucket's name (may be a Terraform token)
 * @returns e.g. `s3://lake/recent/dt=$${dt}/`
 * @example
 * ```ts
 * recentLocationTemplate('lake'); //=> 's3://lake/recent/dt=$${dt}/'
 * ```
 */
export function recentLocationTemplate(bucketName: string): string {
  return `s3://${bucketName}/${RECENT_PREFIX}${RECENT_PARTITION_KEY}=$\${${RECENT_PARTITION_KEY}}/`;
}

/**
 * Table parameters: JSON + GZIP as Firehose writes them, and partition projection of `dt` as an hourly `date` from
 * `NOW` minus the expiry to `NOW`, so a new hour is queryable at once and expired hours are never listed.
 *
 * @param bucketName - the lake bucket (token)
 * @param expirationDays - `recentExpirationDays`: objects older than this are gone, so the range starts there
 * @returns the Glue table parameters
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html
 * @example
 * ```ts
 * recentTableParameters('lake', 3)['projection.dt.range']; //=> 'NOW-3DAYS,NOW'
 * ```
 */
export function recentTableParameters(bucketName: string, expirationDays: number): Record<string, string> {
  const key = `projection.${RECENT_PARTITION_KEY}`;
  return {
    ...PROJECTED_JSON_TABLE_PARAMETERS,
    [`${key}.type`]: 'date',
    [`${key}.format`]: RECENT_PARTITION_FORMAT,
    [`${key}.range`]: `NOW-${expirationDays}DAYS,NOW`,
    [`${key}.interval`]: '1',
    [`${key}.interval.unit`]: 'HOURS',
    'storage.location.template': recentLocationTemplate(bucketName),
  };
}
