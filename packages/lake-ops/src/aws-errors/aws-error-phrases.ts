/**
 * The phrases every AWS error line is built from: where the table is, what the command was doing with a service,
 * and what a re-run does. Written once so every line says them the same way.
 */
import type { AwsErrorContext } from './aws-error-context.js';
import type { AwsService } from './read-aws-error.js';

/**
 * Where the table lives: `--endpoint` as given, or the AWS regional endpoint of the resolved region.
 *
 * @param context - The command line.
 * @returns E.g. `http://127.0.0.1:4567` or `the regional endpoint of eu-west-1`.
 * @example
 * ```ts
 * tableEndpoint({ command: 'reconcile', region: 'eu-west-1' }); //=> 'the regional endpoint of eu-west-1'
 * ```
 */
export function tableEndpoint(context: AwsErrorContext): string {
  return context.endpoint ?? `the regional endpoint of ${context.region ?? 'the configured region'}`;
}

const quoted = (flag: string, value: string | undefined): string => (value === undefined ? flag : `${flag} "${value}"`);

/**
 * What the command was doing with a service, in the flags' terms.
 *
 * @param service - The service that answered, or `undefined` (a timeout before any answer).
 * @param context - The command line.
 * @returns A phrase that follows "while", e.g. `reading table "orders" at http://127.0.0.1:4567`.
 * @example
 * ```ts
 * doingWith('Kinesis', { command: 'replay', stream: 'sales-dev-changes' }); //=> 'putting records into --stream "sales-dev-changes"'
 * ```
 */
export function doingWith(service: AwsService | undefined, context: AwsErrorContext): string {
  switch (service) {
    case 'DynamoDB':
      return `reading table "${context.table ?? '?'}" at ${tableEndpoint(context)}`;
    case 'DynamoDB Streams':
      return "re-reading the table's stream for a --dlq batch";
    case 'S3':
      return context.export === undefined
        ? `reading or writing ${quoted('--lake', context.lake)}`
        : `reading ${quoted('--export', context.export)} or ${quoted('--lake', context.lake)}`;
    case 'SQS':
      return `reading ${quoted('--dlq', context.dlq)}`;
    case 'Kinesis':
      return `putting records into ${quoted('--stream', context.stream)}`;
    case 'Athena':
      return `querying the lake in ${quoted('--workgroup', context.workgroup)}`;
    case 'CloudWatch':
      return 'publishing the drift metric';
    default:
      return `waiting for ${context.endpoint ?? 'AWS'}`;
  }
}

/**
 * What to do after a throttled or timed-out run: the commands are idempotent, so the same command again continues.
 *
 * @param context - The command line.
 * @returns The advice.
 * @example
 * ```ts
 * rerunAdvice({ command: 'backfill' });
 * //=> 're-run the same sales-lake backfill: it is idempotent, so it continues without duplicating anything'
 * ```
 */
export function rerunAdvice(context: AwsErrorContext): string {
  return `re-run the same sales-lake ${context.command}: it is idempotent, so it continues without duplicating anything`;
}
