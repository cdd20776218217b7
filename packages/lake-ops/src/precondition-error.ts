/**
 * PreconditionError: what every `sales-lake` command throws when something it needs before writing does not hold
 * (a table without a stream, an export that does not verify, an endpoint that does not answer). The command stops,
 * says why, and exits 1.
 */

/** A precondition that does not hold: the run stops before writing, exit 1. */
export class PreconditionError extends Error {
  /** @param message - What does not hold and what to do about it. */
  constructor(message: string) {
    super(message);
    this.name = 'PreconditionError';
  }
}
