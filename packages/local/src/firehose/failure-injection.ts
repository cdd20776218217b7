/**
 * injectFailures: a transform that fails a seeded fraction of records, as a broken deploy would.
 */
import { createHash } from 'node:crypto';
import type { FirehoseTransformationResultRecord } from '@sales/transform';
import type { TransformHandler } from '../types.js';

/** A handler that fails some records, and how many distinct records it failed. */
export interface FailingTransform {
  /** The wrapped handler. */
  readonly handler: TransformHandler;
  /** Distinct records (by data) answered `ProcessingFailed` by injection; re-delivered copies count once. */
  readonly injected: () => number;
}

/**
 * Whether a record is one of the failed fraction: a hash of the seed and the record's data, so the same
 * record fails on every delivery (a re-delivered copy too), as a deterministic bug would.
 *
 * @param seed - the run's seed
 * @param data - the record's base64 data
 * @param fraction - 0 to 1
 * @returns true for about `fraction` of all records
 * @example
 * ```ts
 * isInjectedFailure('local', 'eyJhIjoxfQ==', 0); //=> false
 * isInjectedFailure('local', 'eyJhIjoxfQ==', 1); //=> true
 * ```
 */
export function isInjectedFailure(seed: string, data: string, fraction: number): boolean {
  if (fraction <= 0) return false;
  const digest = createHash('sha256').update(seed).update('\0').update(data).digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000 < fraction;
}

/**
 * Wrap the real handler: it still runs on every record, then each record chosen by
 * {@link isInjectedFailure} is answered `ProcessingFailed` with its original data, the answer a transform
 * gives for input it cannot process. Firehose then writes it to the error prefix in its error-record format.
 *
 * @param handler - the real `@sales/transform` handler
 * @param seed - the run's seed
 * @param fraction - fraction of records to fail, 0 to 1
 * @returns the failing handler and its count
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation-status-model.html
 */
export function injectFailures(handler: TransformHandler, seed: string, fraction: number): FailingTransform {
  const failed = new Set<string>();
  const wrapped: TransformHandler = async (event) => {
    const result = await handler(event);
    const dataById = new Map(event.records.map((record) => [record.recordId, record.data]));
    const records = result.records.map((answer): FirehoseTransformationResultRecord => {
      const data = dataById.get(answer.recordId);
      if (data === undefined || answer.result === 'ProcessingFailed' || !isInjectedFailure(seed, data, fraction))
        return answer;
      failed.add(createHash('sha256').update(data).digest('base64'));
      return { recordId: answer.recordId, result: 'ProcessingFailed', data };
    });
    return { ...result, records };
  };
  return { handler: wrapped, injected: () => failed.size };
}
