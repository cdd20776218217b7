/**
 * Where replay reads and writes in the lake, as pure functions of the error object's key, so that every run
 * (and every forced re-run) of one error object touches the same keys.
 */
import { createHash } from 'node:crypto';
import {
  DATA_FILE_EXTENSION,
  ERROR_PREFIX,
  PARTITIONING_FAILED_PREFIX,
  PROCESSING_FAILED_PREFIX,
  REPLAY_FAILED_PREFIX,
  REPLAYED_PREFIX,
  partitionPath,
  type PartitionKey,
} from '@sales/pipeline-spec';
import { errorOutputTypeOf } from './error-output-type.js';

/**
 * The error object's path below `errors/processing-failed/` (the scheme markers had before replay read other
 * types, kept so that earlier markers are still found), or below `errors/` for every other type, so its stem
 * starts with the type (`partitioning-failed/…`) and cannot meet a `processing-failed` stem (`year=…`);
 * without `.gz` / `.json` endings.
 */
function stemOf(errorKey: string): string {
  const kind = errorOutputTypeOf(errorKey);
  if (kind.kind !== 'error-records') {
    throw new Error(
      `error object key must start with ${PROCESSING_FAILED_PREFIX} or ${PARTITIONING_FAILED_PREFIX}, received "${errorKey}"`,
    );
  }
  const below = kind.type === 'processing-failed' ? PROCESSING_FAILED_PREFIX : ERROR_PREFIX;
  return errorKey.slice(below.length).replace(/(\.json)?(\.gz)?$/, '');
}

/**
 * The marker that says an error object was replayed, and with what counts.
 *
 * @param errorKey - The error object's key, under a replayable error output type.
 * @returns The marker's key.
 * @throws Error for a key under no replayable error output type.
 * @example
 * ```ts
 * markerKey('errors/processing-failed/year=2025/month=01/day=15/s-1-2025-01-15-10-30-11-u.json.gz');
 * //=> 'errors/replayed/year=2025/month=01/day=15/s-1-2025-01-15-10-30-11-u.json'
 * markerKey('errors/partitioning-failed/year=2025/month=01/day=15/u.gz');
 * //=> 'errors/replayed/partitioning-failed/year=2025/month=01/day=15/u.json'
 * ```
 */
export function markerKey(errorKey: string): string {
  return `${REPLAYED_PREFIX}${stemOf(errorKey)}.json`;
}

/**
 * The object that lists an error object's records that still fail, one JSON line each, with the reason.
 *
 * @param errorKey - The error object's key.
 * @returns The key under {@link REPLAY_FAILED_PREFIX}.
 * @example
 * ```ts
 * replayFailedKey('errors/processing-failed/year=2025/month=01/day=15/x.json.gz'); //=> 'errors/replay-failed/year=2025/month=01/day=15/x.json'
 * ```
 */
export function replayFailedKey(errorKey: string): string {
  return `${REPLAY_FAILED_PREFIX}${stemOf(errorKey)}.json`;
}

/**
 * The data object that holds an error object's replayed rows of one partition: the partition's folder and a
 * name derived from the error object's key only, so a re-run replaces it instead of adding a copy.
 *
 * @param errorKey - The error object's key.
 * @param partition - The rows' partition values, as the transform returned them.
 * @returns e.g. `sales/year=2025/month=01/day=15/hour=10/replay-<32 hex>.json.gz`
 * @example
 * ```ts
 * replayDataKey('errors/processing-failed/x.gz', { year: '2025', month: '01', day: '15', hour: '10' });
 * //=> 'sales/year=2025/month=01/day=15/hour=10/replay-9a0b….json.gz'
 * ```
 */
export function replayDataKey(errorKey: string, partition: Readonly<Record<PartitionKey, string>>): string {
  const digest = createHash('sha256').update(errorKey).digest('hex').slice(0, 32);
  return `${partitionPath(partition)}replay-${digest}${DATA_FILE_EXTENSION}`;
}
