/**
 * probeTable: one cheap question to the DynamoDB endpoint before any work, bounded in time, so a silent endpoint is
 * named within seconds instead of after the SDK's retries of a silent request (3 attempts of `AWS_TIMEOUTS.callMs`).
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AWS_TIMEOUTS } from '@sales/command-line';
import { PreconditionError } from './precondition-error.js';

/**
 * Sends `DescribeTable` and waits at most `timeoutMs` for any answer, credentials lookup included. Any answer, an
 * error response too (table not found, access denied), shows that the endpoint is alive: the command goes on and
 * meets that error where it knows what to say. Only silence or a failed connection stop the run here.
 *
 * The bound is on this first call only: later calls keep the timeouts of `createAwsClient` (`AWS_TIMEOUTS`).
 *
 * @param client - The command's DynamoDB client.
 * @param table - `--table`.
 * @param endpoint - `--endpoint`, or `undefined` for the AWS regional endpoint.
 * @param timeoutMs - The bound. @defaultValue `AWS_TIMEOUTS.probeMs` (5 s)
 * @returns When the endpoint answered.
 * @throws PreconditionError naming the endpoint when it did not answer in time or refused the connection.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
 * @example
 * ```ts
 * await probeTable(client, 'orders', new URL('http://127.0.0.1:9')); // throws: --endpoint http://127.0.0.1:9 did not answer …
 * ```
 */
export async function probeTable(
  client: Pick<DynamoDBClient, 'send'>,
  table: string,
  endpoint: URL | undefined,
  timeoutMs: number = AWS_TIMEOUTS.probeMs,
): Promise<void> {
  const where = endpoint === undefined ? 'the AWS DynamoDB endpoint' : `--endpoint ${endpoint.href.replace(/\/$/, '')}`;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    await client.send(new DescribeTableCommand({ TableName: table }), { abortSignal: signal });
  } catch (error) {
    if (signal.aborted)
      throw new PreconditionError(
        `${where} did not answer DescribeTable within ${timeoutMs / 1000} s; nothing was done`,
      );
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== undefined) return;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
    throw new PreconditionError(`${where} cannot be reached (${code}); nothing was done`);
  }
}
