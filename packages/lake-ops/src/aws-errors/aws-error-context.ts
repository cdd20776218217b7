/**
 * AwsErrorContext: what the user named on the command line, for an AWS error to be told in those terms.
 */

/** The flags an AWS error can be about, as the user typed them, and the command that ran. */
export interface AwsErrorContext {
  /** The subcommand: `backfill`, `reconcile` or `replay`. */
  readonly command: string;
  /** `--table`. */
  readonly table?: string | undefined;
  /** `--endpoint`; `undefined` for the AWS regional endpoint. */
  readonly endpoint?: string | undefined;
  /** The region the SDK resolved, when known; shown only for the regional endpoint. */
  readonly region?: string | undefined;
  /** `--lake`. */
  readonly lake?: string | undefined;
  /** `--export`. */
  readonly export?: string | undefined;
  /** `--dlq`: the dead-letter queue URL. */
  readonly dlq?: string | undefined;
  /** `--stream`: the Kinesis stream name or ARN. */
  readonly stream?: string | undefined;
  /** `--workgroup`. */
  readonly workgroup?: string | undefined;
  /** `--database`. */
  readonly database?: string | undefined;
}

/** The flags {@link toAwsErrorContext} copies, by flag name. */
const NAMED_FLAGS = ['table', 'endpoint', 'lake', 'export', 'dlq', 'stream', 'workgroup', 'database'] as const;

/**
 * Builds the context from a command's parsed flag values: the string values of the flags an AWS error can be about,
 * as typed (an endpoint without its trailing slash). Pure.
 *
 * @param command - The subcommand's name.
 * @param values - Its parsed flag values (`parseFlags(table, argv).values`).
 * @param region - The resolved region, when known.
 * @returns The context.
 * @example
 * ```ts
 * toAwsErrorContext('reconcile', { table: 'orders', endpoint: 'http://127.0.0.1:4567/', json: true }, undefined);
 * //=> { command: 'reconcile', region: undefined, table: 'orders', endpoint: 'http://127.0.0.1:4567' }
 * ```
 */
export function toAwsErrorContext(
  command: string,
  values: Readonly<Record<string, unknown>>,
  region: string | undefined,
): AwsErrorContext {
  const context: Record<string, string | undefined> = { command, region };
  for (const flag of NAMED_FLAGS) {
    const value = values[flag];
    if (typeof value === 'string' && value !== '')
      context[flag] = flag === 'endpoint' ? value.replace(/\/$/, '') : value;
  }
  return context as unknown as AwsErrorContext;
}
