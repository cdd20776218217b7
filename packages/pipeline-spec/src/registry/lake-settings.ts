import { LOG_RETENTION_DAYS } from '../defaults/logs-defaults';
import { integer, numberChoice, text } from './setting-kinds';

/** Lifecycle ages, in days, that S3 takes from 1 up; 3650 (ten years) is where a typo is likelier than intent. */
const EXPIRATION = { min: 1, max: 3650, unit: 'days' } as const;
/** Athena's default bytes-scanned cutoff per query, in GiB. */
const CUTOFF_GIB = 10;

/**
 * Retention and lifecycle (CloudWatch Logs, S3), the catalog (Glue) and queries (Athena), rows of the registry
 * ({@link SETTINGS}). Change rows are not tiered: objects under 128 KB never transition
 * (`constructs/data-path/lake-lifecycle.ts`).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
 * @see https://docs.aws.amazon.com/glue/latest/dg/monitor-data-warehouse-schedule.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_WorkGroupConfiguration.html
 * @example
 * ```ts
 * LAKE_SETTINGS.crawlerSchedule.default; //=> 'cron(0 3 * * ? *)' (daily, 03:00 UTC)
 * ```
 */
export const LAKE_SETTINGS = {
  logRetentionDays: numberChoice({
    variable: 'LOG_RETENTION_DAYS',
    doc: 'Retention of every log group, in days.',
    default: 14,
    environments: { prod: 90 },
    choices: LOG_RETENTION_DAYS,
    allowed: `a CloudWatch retention (${LOG_RETENTION_DAYS.slice(0, 8).join(', ')}, …, ${LOG_RETENTION_DAYS.at(-1)})`,
  }),
  errorExpirationDays: integer({
    variable: 'ERROR_EXPIRATION_DAYS',
    doc: 'Age at which error records expire.',
    default: 30,
    ...EXPIRATION,
  }),
  exportExpirationDays: integer({
    variable: 'EXPORT_EXPIRATION_DAYS',
    doc: 'Age at which DynamoDB exports under `exports/` expire (backfill and reconcile read them within hours).',
    default: 7,
    ...EXPIRATION,
  }),
  noncurrentVersionExpirationDays: integer({
    variable: 'NONCURRENT_EXPIRATION_DAYS',
    doc: 'Age at which noncurrent object versions expire.',
    default: 30,
    ...EXPIRATION,
  }),
  athenaResultsExpirationDays: integer({
    variable: 'ATHENA_RESULTS_EXPIRATION_DAYS',
    doc: 'Age at which Athena query results expire.',
    default: 7,
    ...EXPIRATION,
  }),
  crawlerSchedule: text({
    variable: 'CRAWLER_SCHEDULE',
    doc: 'When the crawler looks for new columns (Glue cron, UTC); queries never wait for it.',
    default: 'cron(0 3 * * ? *)',
    pattern: /^cron\(\S+( \S+){5}\)$/,
    expected: 'a Glue cron expression with six fields, e.g. "cron(0 */6 * * ? *)"',
    allowed: 'Glue `cron(...)`, six fields',
  }),
  projectionStartYear: integer({
    variable: 'PROJECTION_START_YEAR',
    doc: 'First year partition projection enumerates (up to the current year).',
    default: 2025,
    min: 2000,
    max: 2100,
  }),
  athenaBytesScannedCutoff: integer({
    variable: 'ATHENA_BYTES_SCANNED_CUTOFF',
    doc: 'Athena cancels a query after scanning this many bytes.',
    default: CUTOFF_GIB * 1024 ** 3,
    defaultNote: `${CUTOFF_GIB} GiB`,
    min: 10485760,
    max: Number.MAX_SAFE_INTEGER,
    unit: 'bytes',
  }),
} as const;
