/**
 * The flags of `sales-lake reconcile`, in `--help` order, and how they are checked.
 */
import { parsePositiveInteger, parseUrl, UsageError, type FlagTable, type FlagValues } from '@sales/command-line';
import { DRIFT_METRIC } from '@sales/pipeline-spec';
import { LAKE_FLAGS } from '../lake-flags.js';
import { DEFAULT_SEGMENTS, parseFenceMarginSeconds, parseSegments } from '../table-read-flags.js';
import { FENCE_MARGIN_DEFAULT_TEXT } from '../lake/choose-fence-margin.js';
import { ATHENA_FLAGS, validateAthenaFlags, type AthenaTarget } from '../athena/athena-flags.js';
import { EXPORT_FLAG, validateExportLocation } from '../table/export-location.js';
import { DEFAULT_BUCKETS } from './comparison-sql.js';
import type { ReconcileAgainst } from './lake-side.js';

/** `sales-lake reconcile`'s flags: the shared ones (no `--dry-run`: reconcile only reads unless `--repair`) and its own. */
export const RECONCILE_FLAGS = {
  table: LAKE_FLAGS.table,
  endpoint: LAKE_FLAGS.endpoint,
  lake: LAKE_FLAGS.lake,
  ...ATHENA_FLAGS,
  against: {
    type: 'string',
    value: 'log|current',
    description:
      "what the table is judged against: log, the change log's latest row per key; current, the merged orders_current table",
    defaultText: 'log',
  },
  repair: {
    type: 'boolean',
    description: 'write corrective rows for the drift found (snapshot or remove rows, fenced)',
    defaultText: 'off',
  },
  json: LAKE_FLAGS.json,
  'publish-metric': {
    type: 'boolean',
    description: `after a complete run, put the unrepaired drift keys to CloudWatch (${DRIFT_METRIC.namespace} ${DRIFT_METRIC.metricName}, ${DRIFT_METRIC.dimensionName}=<table>)`,
    defaultText: 'off',
  },
  export: { ...EXPORT_FLAG, description: `${EXPORT_FLAG.description}: the table side, instead of a Scan` },
  segments: {
    type: 'string',
    value: 'n',
    description: 'Scan segments read at once (not with --export)',
    defaultText: String(DEFAULT_SEGMENTS),
  },
  buckets: {
    type: 'string',
    value: 'n',
    description: 'buckets of key hashes compared by count and checksum first',
    defaultText: String(DEFAULT_BUCKETS),
  },
  'fence-margin-seconds': {
    type: 'string',
    value: 's',
    description: 'lake changes this close before a page was read count as in flight (clock skew)',
    defaultText: FENCE_MARGIN_DEFAULT_TEXT,
  },
  help: LAKE_FLAGS.help,
} as const satisfies FlagTable;

/** A validated reconcile command line. */
export interface ReconcileCommandOptions {
  readonly table: string;
  readonly endpoint: URL | undefined;
  readonly lake: string;
  /** Where an s3:// lake is queried; `undefined` for a local lake. */
  readonly athena: AthenaTarget | undefined;
  /** `--against`: the change log (`log`) or `orders_current` (`current`). */
  readonly against: ReconcileAgainst;
  readonly repair: boolean;
  readonly json: boolean;
  /** `--publish-metric`: put `DRIFT_METRIC` after a complete run. */
  readonly publishMetric: boolean;
  /** `--export`: read the table side from this finished export instead of a Scan. */
  readonly exportLocation: string | undefined;
  readonly segments: number;
  readonly buckets: number;
  /** `--fence-margin-seconds`; `undefined`: chosen for the lake (`chooseFenceMargin`). */
  readonly fenceMarginSeconds: number | undefined;
}

/** `--against`: `log` unless given; anything but `log` or `current` is a usage error. */
function parseAgainst(value: string | undefined): ReconcileAgainst {
  if (value === undefined || value === 'log' || value === 'current') return value ?? 'log';
  throw new UsageError(`--against must be log or current, received "${value}"`);
}

/** Buckets beyond this make stage 1's result larger than the keys it saves reading. */
const MAX_BUCKETS = 1_048_576;

/**
 * Checks the reconcile flags: `--table` and `--lake` are required, `--workgroup` and `--database` too with an
 * s3:// lake; numbers in range; `--export` is a checked location and excludes `--segments`; `--against` is `log` or
 * `current`, and `current` excludes `--repair`.
 *
 * @param values - From `parseFlags(RECONCILE_FLAGS, argv)`.
 * @returns The options.
 * @throws UsageError for a missing or bad flag.
 * @example
 * ```ts
 * validateReconcileOptions({ table: 'orders', lake: '.local' }).buckets; //=> 4096
 * ```
 */
export function validateReconcileOptions(values: FlagValues<typeof RECONCILE_FLAGS>): ReconcileCommandOptions {
  if (values.table === undefined || values.table === '')
    throw new UsageError('--table is required: the DynamoDB table to compare');
  if (values.lake === undefined || values.lake === '')
    throw new UsageError('--lake is required: a folder or s3://bucket/prefix');
  if (values.export !== undefined && values.segments !== undefined)
    throw new UsageError('--segments applies to the Scan only; --export reads the table from an export');
  const against = parseAgainst(values.against);
  if (against === 'current' && values.repair === true)
    throw new UsageError(
      '--repair writes rows into the change log, which --against current does not judge; mend orders_current with sales-lake merge --rebuild',
    );
  return {
    table: values.table,
    endpoint: values.endpoint === undefined ? undefined : parseUrl('--endpoint', values.endpoint),
    lake: values.lake,
    athena: validateAthenaFlags(values),
    against,
    repair: values.repair === true,
    json: values.json === true,
    publishMetric: values['publish-metric'] === true,
    exportLocation: values.export === undefined ? undefined : validateExportLocation('--export', values.export),
    segments: parseSegments(values.segments),
    buckets:
      values.buckets === undefined ? DEFAULT_BUCKETS : parsePositiveInteger('--buckets', values.buckets, MAX_BUCKETS),
    fenceMarginSeconds: parseFenceMarginSeconds(values['fence-margin-seconds']),
  };
}
