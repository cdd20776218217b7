/**
 * The lateness the pipeline's own limits allow: a stream record reaches the pipe's target at most
 * `pipeMaximumRecordAgeSeconds` after its event time (the pipe drops older records to its dead-letter queue), and
 * the delivery stream adds at most its end-to-end delay. Rounded up to the hour, since the merge reads hour
 * partitions.
 *
 * @param pipeMaximumRecordAgeSeconds - the pipe's `MaximumRecordAgeInSeconds`
 * @param deliverySeconds - the worst-case delay from Kinesis to a queryable object (the freshness budget's tail)
 * @returns seconds, a whole number of hours
 * @see https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeSourceDynamoDBStreamParameters.html
 * @example
 * ```ts
 * defaultMergeLatenessSeconds(21600, 100); //=> 25200
 * ```
 */
export function defaultMergeLatenessSeconds(pipeMaximumRecordAgeSeconds: number, deliverySeconds: number): number {
  return Math.ceil((pipeMaximumRecordAgeSeconds + deliverySeconds) / 3600) * 3600;
}

/**
 * The widest fence margin a snapshot row may carry: `--fence-margin-seconds` of `sales-lake backfill` and
 * `reconcile --repair` takes at most a day (beyond it a margin is a typo, and a stream keeps 24 hours only). A
 * snapshot row's event time (its partition) can be this much later than its sort time, so the merge keeps a
 * tombstone this long beyond the window it could still be needed in (see `mergeStatements`, `expire_tombstones`).
 *
 * @example
 * ```ts
 * MAX_FENCE_MARGIN_SECONDS; //=> 86400
 * ```
 */
export const MAX_FENCE_MARGIN_SECONDS = 86_400;
