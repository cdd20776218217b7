import type { FailureReason } from '../shared/parsed.js';

/**
 * Internal signal for a malformed attribute value found deep inside an image. It never leaves
 * the package: {@link flattenImage}'s callers turn it into a `Parsed` failure. Each enclosing
 * level prepends its attribute name, so the detail names the full path.
 */
export class AttributeError extends Error {
  override readonly name = 'AttributeError';
  /** Attribute path from the image root, outermost first. */
  readonly path: string[] = [];

  /**
   * @param reason - failure class
   * @param problem - what is wrong with the value, including the value received
   */
  constructor(
    readonly reason: FailureReason,
    readonly problem: string,
  ) {
    super(problem);
  }

  /** The problem prefixed with the attribute path, e.g. `total_amount.N must be ...`. */
  get detail(): string {
    return this.path.length === 0 ? this.problem : `${this.path.join('.')}: ${this.problem}`;
  }
}

/**
 * Prepend `segment` to the path of an {@link AttributeError} and rethrow it; rethrow anything else.
 *
 * @param error - what was caught
 * @param segment - attribute name or list index of the enclosing level
 * @throws always: the same error
 */
export function rethrowWithSegment(error: unknown, segment: string): never {
  if (error instanceof AttributeError) error.path.unshift(segment);
  throw error;
}
