/**
 * validateBackfillOptions: parsed flags -> the options of one backfill, with every range and combination checked.
 */
import { parseChoice, parseUrl, UsageError, type FlagValues } from '@sales/command-line';
import { validateExportLocation } from '../table/export-location.js';
import { parseFenceMarginSeconds, parseSegments } from '../table-read-flags.js';
import type { BACKFILL_FLAGS } from './backfill-flags.js';

/** Where the items come from. */
export type BackfillSource =
  | { readonly kind: 'scan'; readonly segments: number }
  | {
      readonly kind: 'export';
      readonly exportAtSeconds: number | undefined;
      readonly exportLocation: string | undefined;
    };

/** A validated backfill command line. */
export interface BackfillOptions {
  readonly table: string;
  readonly endpoint: URL | undefined;
  readonly lake: string;
  readonly source: BackfillSource;
  /** `--fence-margin-seconds`; `undefined`: chosen for the lake (`chooseFenceMargin`). */
  readonly fenceMarginSeconds: number | undefined;
  /** When change capture started, in µs, if given instead of the table stream's creation time. */
  readonly streamSinceMicros: number | undefined;
  readonly json: boolean;
  readonly dryRun: boolean;
}

/** A backfill command line with its fence margin chosen for the lake (`chooseFenceMargin`). */
export type ResolvedBackfillOptions = BackfillOptions & { readonly fenceMarginSeconds: number };

function parseTime(flag: string, text: string): number {
  const millis = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text);
  if (!Number.isFinite(millis) || millis <= 0 || !/\d{4}-\d\d-\d\dT|^\d+$/.test(text)) {
    throw new UsageError(
      `${flag} must be an ISO-8601 time such as 2025-01-15T10:30:00Z or epoch seconds, received "${text}"`,
    );
  }
  return millis;
}

function only(flag: string, value: unknown, source: string): void {
  if (value !== undefined) throw new UsageError(`${flag} applies to --source ${source} only`);
}

/**
 * Checks the backfill flags: `--table` and `--lake` are required; `--segments` goes with scan, `--export-at` and
 * `--export` with export and not together; the source defaults to export, or scan when `--endpoint` is given.
 *
 * @param values - From `parseFlags(BACKFILL_FLAGS, argv)`.
 * @returns The options.
 * @throws UsageError for a missing, bad or conflicting flag.
 * @example
 * ```ts
 * validateBackfillOptions({ table: 'orders', lake: '.local', endpoint: 'http://127.0.0.1:4567' }).source; //=> { kind: 'scan', segments: 4 }
 * ```
 */
export function validateBackfillOptions(values: FlagValues<typeof BACKFILL_FLAGS>): BackfillOptions {
  if (values.table === undefined || values.table === '')
    throw new UsageError('--table is required: the DynamoDB table to backfill from');
  if (values.lake === undefined) throw new UsageError('--lake is required: a folder or s3://bucket/prefix');
  const endpoint = values.endpoint === undefined ? undefined : parseUrl('--endpoint', values.endpoint);
  const kind =
    values.source === undefined
      ? endpoint === undefined
        ? 'export'
        : 'scan'
      : parseChoice('--source', values.source, ['scan', 'export']);
  let source: BackfillSource;
  if (kind === 'scan') {
    only('--export-at', values['export-at'], 'export');
    only('--export', values.export, 'export');
    source = {
      kind,
      segments: parseSegments(values.segments),
    };
  } else {
    only('--segments', values.segments, 'scan');
    if (values['export-at'] !== undefined && values.export !== undefined)
      throw new UsageError('--export-at starts an export and --export names a finished one: give one of them');
    if (values.export === undefined && !values.lake.startsWith('s3://')) {
      throw new UsageError(
        `starting an export needs the lake bucket (--lake s3://bucket/prefix), received --lake "${values.lake}"; give --export or --source scan`,
      );
    }
    const exportAt =
      values['export-at'] === undefined ? undefined : Math.floor(parseTime('--export-at', values['export-at']) / 1000);
    source = {
      kind,
      exportAtSeconds: exportAt,
      exportLocation: values.export === undefined ? undefined : validateExportLocation('--export', values.export),
    };
  }
  return {
    table: values.table,
    endpoint,
    lake: values.lake,
    source,
    fenceMarginSeconds: parseFenceMarginSeconds(values['fence-margin-seconds']),
    streamSinceMicros:
      values['stream-since'] === undefined ? undefined : parseTime('--stream-since', values['stream-since']) * 1000,
    json: values.json === true,
    dryRun: values['dry-run'] === true,
  };
}
