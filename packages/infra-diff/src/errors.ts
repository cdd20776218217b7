/**
 * A run of `infra:diff` that could not finish: a bad ref, a failed synth, a git error.
 * The CLI prints the message and exits 1.
 */
export class InfraDiffError extends Error {
  /**
   * @param message - what failed, for the user, with the value received
   * @param options - `cause`: the underlying error
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InfraDiffError';
  }
}
