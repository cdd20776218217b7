/**
 * Error objects as Firehose writes them under `errors/processing-failed/`, built from the repository's
 * AWS-shaped events with the local pipeline's own error-record writer and lake writer (imported read-only).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { formatErrorRecord, PROCESSING_FAILED_STATUS } from '../../../local/src/firehose/error-record';
import { evaluatePrefix, objectFileName } from '../../../local/src/firehose/firehose-prefix';
import { LakeWriter } from '../../../local/src/firehose/lake-writer';
import { firehoseErrorPrefix } from '@sales/pipeline-spec';
import type { FirehoseTransformationEvent } from '@sales/transform';

/** The repository's AWS-shaped events (packages/transform/tests/events). */
const EVENTS_DIR = join(__dirname, '..', '..', '..', 'transform', 'tests', 'events');

/** The transform function's ARN as the error records name it. */
export const LAMBDA_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:sales-dev-transform:live';

/**
 * Reads one of the repository's Firehose events.
 *
 * @param name - File name, e.g. `firehose-event-pipe-sales.json`.
 * @returns The event.
 */
export function readEvent(name: string): FirehoseTransformationEvent {
  return JSON.parse(readFileSync(join(EVENTS_DIR, name), 'utf8')) as FirehoseTransformationEvent;
}

/** One record to put in an error object: the original data and when it arrived. */
export interface FailedSource {
  readonly data: string;
  readonly approximateArrivalTimestamp: number;
}

/**
 * Writes one GZIP error object the way the local Firehose emulator does: the documented error-record line per
 * record (`Lambda.ProcessingFailedStatus`), under the evaluated `ErrorOutputPrefix`, named as Firehose names objects.
 *
 * @param root - The lake folder.
 * @param sources - The failed records.
 * @param uuid - The object name's unique part.
 * @returns The object's key.
 */
export function writeErrorObject(root: string, sources: readonly FailedSource[], uuid: string): string {
  const oldest = Math.min(...sources.map((source) => source.approximateArrivalTimestamp));
  const prefix = evaluatePrefix(firehoseErrorPrefix(), { timestampMs: oldest, errorOutputType: 'processing-failed' });
  const key = prefix + objectFileName('sales-dev-changes', oldest, uuid, '.json.gz');
  const lines = sources.map((source) =>
    formatErrorRecord({
      attemptsMade: 1,
      arrivalTimestamp: source.approximateArrivalTimestamp,
      ...PROCESSING_FAILED_STATUS,
      attemptEndingTimestamp: source.approximateArrivalTimestamp + 60_000,
      rawData: source.data,
      lambdaArn: LAMBDA_ARN,
    }),
  );
  new LakeWriter(root).write(key, lines);
  return key;
}

/**
 * Every key under a folder, relative, with `/` separators, sorted.
 *
 * @param root - The lake folder.
 * @param under - A sub-folder, e.g. `sales`.
 * @returns The keys.
 */
export function lakeKeys(root: string, under = ''): string[] {
  const walk = (folder: string): string[] => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return [];
    }
    return names.flatMap((name) =>
      statSync(join(folder, name)).isDirectory() ? walk(join(folder, name)) : [join(folder, name)],
    );
  };
  return walk(join(root, under))
    .map((path) => relative(root, path).split(sep).join('/'))
    .sort();
}

/**
 * How many rows the lake holds per `cdc_event_id`, over every data object under `sales/`.
 *
 * @param root - The lake folder.
 * @returns Counts by event id.
 */
export function rowsPerEventId(root: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of lakeKeys(root, 'sales')) {
    const text = gunzipSync(readFileSync(join(root, key))).toString('utf8');
    for (const line of text.split('\n').filter((l) => l !== '')) {
      const id = (JSON.parse(line) as { cdc_event_id: string }).cdc_event_id;
      counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  return counts;
}
