/**
 * One request as IAM authorizes it: an action on a resource, with the request's condition keys.
 */

/** What IAM evaluates. */
export interface IamRequest {
  /** `service:Action`, e.g. `s3:ListBucket`. */
  readonly action: string;
  /** The resource ARN, or `*` for an action without resource-level permissions. */
  readonly resource: string;
  /** Condition keys the request carries, e.g. `{ 's3:prefix': 'sales/' }`. */
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  /** What made the request: the SDK command, or the service acting for the caller. */
  readonly cause: string;
}

/**
 * A request with the keys every request carries here: TLS (the SDK and AWS services always use it; the bucket
 * and queue policies deny anything else).
 *
 * @param action - `service:Action`.
 * @param resource - The ARN.
 * @param cause - What made it.
 * @param context - Its own condition keys. @defaultValue - none
 * @returns The request.
 * @example
 * ```ts
 * request('s3:GetObject', 'arn:aws:s3:::b/k', 'S3.GetObject').context; //=> { 'aws:SecureTransport': 'true' }
 * ```
 */
export function request(
  action: string,
  resource: string,
  cause: string,
  context: Record<string, string | readonly string[]> = {},
): IamRequest {
  return { action, resource, cause, context: { 'aws:SecureTransport': 'true', ...context } };
}
