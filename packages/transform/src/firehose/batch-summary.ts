import type { FailureReason } from '../shared/parsed.js';

/** How many failure examples a {@link BatchSummary} keeps. */
export const MAX_FAILURE_EXAMPLES = 5;

/** One failed record, as a {@link BatchSummary} reports it. */
export interface FailureExample {
  /** The failed record's Firehose `recordId`, to find it under the error prefix. */
  readonly recordId: string;
  /** Why it failed. */
  readonly reason: FailureReason;
  /** At most 300 characters. */
  readonly detail: string;
}

/**
 * What one batch did, for one structured log line (CloudWatch Logs Insights can filter on
 * `processingFailed > 0`). Holds no record data beyond the first few failure details.
 */
export interface BatchSummary {
  /** `WARN` when any record failed, else `INFO`. */
  readonly level: 'INFO' | 'WARN';
  /** Constant message, to find these lines. */
  readonly message: 'transformed Firehose batch';
  /** The event's `invocationId`, or null. */
  readonly invocationId: string | null;
  /** Number of input records (= output records). */
  readonly records: number;
  /** Records answered `Ok`. */
  readonly ok: number;
  /** Records answered `ProcessingFailed`. */
  readonly processingFailed: number;
  /** Sum of the input `data` sizes (base64 characters, as Firehose counts toward its limits). */
  readonly inputDataBytes: number;
  /** Sum of the output `data` sizes (base64 characters). */
  readonly outputDataBytes: number;
  /**
   * Values a declared column could not take exactly (written `null` there and kept in the row's
   * `cdc_rejected`); always 0 without a schema. The `RejectedValues` metric filter sums it.
   */
  readonly rejectedValues: number;
  /** Rows with at least one rejected value. */
  readonly rowsWithRejectedValues: number;
  /** Failure count per reason. */
  readonly failuresByReason: Readonly<Partial<Record<FailureReason, number>>>;
  /** The first failures (at most 5), in input order. */
  readonly firstFailures: readonly FailureExample[];
}
