/**
 * openTableSide: which table side a reconcile command line asks for: the Scan, or a finished export read with the
 * backfill's reader (manifest checked and every data file verified before any row is made).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { exportFilesAt } from '../table/export-location.js';
import { openVerifiedExport } from '../table/verified-export.js';
import type { ReconcileCommandOptions } from './reconcile-flags.js';
import { exportTableSide, scanTableSide, type WriteTableSide } from './table-side.js';

/** What {@link openTableSide} needs besides the command line. */
export interface OpenTableSideInput {
  readonly options: ReconcileCommandOptions;
  /** The fence margin chosen for this run (`chooseFenceMargin`). */
  readonly fenceMarginSeconds: number;
  readonly dynamodb: DynamoDBClient;
  /** Reads an export in S3 (constructing it does not call AWS). */
  readonly s3: S3Client;
  /** The table's key attribute names, partition key first. */
  readonly keyNames: readonly string[];
  readonly signal: AbortSignal;
  readonly onProgress: (text: string) => void;
}

/**
 * The table side: with `--export`, the export verified now (before the comparison starts) and read as rows fenced
 * at its `ExportTime` minus the margin; otherwise the parallel consistent Scan, each page fenced at its start.
 *
 * @param input - Command line, clients, key names, signal, progress.
 * @returns The table side to hand to `reconcile`.
 * @throws PreconditionError when the export does not verify or is of another table.
 * @example
 * ```ts
 * const tableSide = await openTableSide({ options, dynamodb, s3: new S3Client({}), keyNames: ['order_id'], signal, onProgress });
 * await reconcile({ ...rest, tableSide });
 * ```
 */
export async function openTableSide(input: OpenTableSideInput): Promise<WriteTableSide> {
  const { options } = input;
  if (options.exportLocation === undefined)
    return scanTableSide({
      client: input.dynamodb,
      table: options.table,
      keyNames: input.keyNames,
      segments: options.segments,
      fenceMarginSeconds: input.fenceMarginSeconds,
    });
  const opened = await openVerifiedExport({
    files: exportFilesAt(options.exportLocation, input.s3),
    table: options.table,
    fenceMarginSeconds: input.fenceMarginSeconds,
    signal: input.signal,
    onProgress: input.onProgress,
    command: 'reconcile',
  });
  return exportTableSide({ ...opened, context: { ...opened.context, keyNames: input.keyNames } });
}
