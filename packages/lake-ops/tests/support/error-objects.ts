/**
 * Error objects as Firehose writes them under `errors/processing-failed/`, built from the repository's
 * AWS-shaped events with the error-record format and the object naming of `@sales/pipeline-spec`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  evaluatePrefix,
  firehoseErrorPrefix,
  formatErrorRecord,
  objectFileName,
  PROCESSING_FAILED_STATUS,
} from '@sales/pipeline-spec';
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
 * Writes one GZIP error object as Firehose does: the documented error-record line per
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
  const path = join(root, key);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, gzipSync(lines.join('')));
  return key;
}
