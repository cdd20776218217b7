/**
 * Thrown by {@link transformFirehoseEvent} (and so by the handler) only when the event cannot be
 * answered record by record: it has no `records` array, or a record has no `recordId`.
 * Any other bad input becomes a `ProcessingFailed` record instead.
 */
export class InvalidFirehoseEventError extends Error {
  /** Always `'InvalidFirehoseEventError'`, so the error is recognisable in logs and after serialization. */
  override readonly name = 'InvalidFirehoseEventError';

  /**
   * @param message - what is wrong, with the value received
   * @param options - `cause`, if any
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
