/**
 * snapshotObjectKey: where a snapshot's rows go in the lake, derived only from what identifies them, so a re-run of
 * the same snapshot writes the same keys (and replaces the objects instead of adding copies).
 */
import { toPartitionKeys } from '@sales/transform';
import { DATA_FILE_EXTENSION, partitionPath } from '@sales/pipeline-spec';

/** Characters allowed in an object name part: S3's safe set, nothing Hive or Athena reads specially. */
const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

/**
 * The key of one snapshot object: the Hive partition of the snapshot time (as Firehose partitions a change by its
 * event time), then `snapshot-<name>.json.gz`.
 *
 * @param snapshotTimeMicros - The snapshot time of the rows in the object, µs since the epoch.
 * @param name - What identifies the object within the snapshot, e.g. `01692350182719-6de2c037-fpgzwz-00000`.
 * @returns The key relative to the lake root.
 * @throws RangeError when `name` has characters outside `A-Z a-z 0-9 . _ -`.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
 * @example
 * ```ts
 * snapshotObjectKey(1736937011250000, 'e1-part-00000');
 * //=> 'sales/year=2025/month=01/day=15/hour=10/snapshot-e1-part-00000.json.gz'
 * ```
 */
export function snapshotObjectKey(snapshotTimeMicros: number, name: string): string {
  if (!SAFE_NAME.test(name))
    throw new RangeError(`a snapshot object name must match ${SAFE_NAME.source}, received "${name}"`);
  const iso = new Date(Math.floor(snapshotTimeMicros / 1000)).toISOString();
  return `${partitionPath(toPartitionKeys(iso))}snapshot-${name}${DATA_FILE_EXTENSION}`;
}
