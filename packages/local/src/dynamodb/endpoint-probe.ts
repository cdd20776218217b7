/**
 * probeEndpoint: ask `--endpoint` one cheap question before any work, so a dead or wrong endpoint is
 * named at once instead of after minutes of retried writes.
 */
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { AWS_TIMEOUTS } from '@sales/command-line';
import { createClient } from '@sales/generator';

/** What is wrong with an endpoint, in words for the user. */
export class EndpointError extends Error {
  override readonly name = 'EndpointError';
}

const CAUSES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused: nothing listens there',
  ENOTFOUND: 'the host name does not resolve',
  EHOSTUNREACH: 'the host is unreachable',
  ECONNRESET: 'the connection was reset: is it an HTTP port?',
};

/**
 * Send `ListTables` (limit 1) and wait at most `timeoutMs`. A DynamoDB-compatible endpoint answers in
 * milliseconds; a closed port refuses, a server that accepts and never answers times out, and a port that
 * does not speak HTTP fails to parse.
 *
 * @param endpoint - the URL given with `--endpoint`
 * @param region - region to sign for
 * @param timeoutMs - longest wait. @defaultValue `AWS_TIMEOUTS.probeMs` (5 s)
 * @returns when the endpoint answered like DynamoDB
 * @throws {@link EndpointError} naming the cause (refused, timeout, not HTTP, an error from the service)
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
 */
export async function probeEndpoint(
  endpoint: string,
  region: string,
  timeoutMs: number = AWS_TIMEOUTS.probeMs,
): Promise<void> {
  const client = createClient({ endpoint, region });
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: signal });
  } catch (error) {
    if (signal.aborted)
      throw new EndpointError(`--endpoint ${endpoint} did not answer within ${timeoutMs / 1000} s`, { cause: error });
    const code = (error as NodeJS.ErrnoException).code ?? (error as { cause?: NodeJS.ErrnoException }).cause?.code;
    const cause =
      (code?.startsWith('HPE_') ? 'it does not speak HTTP' : code !== undefined ? CAUSES[code] : undefined) ??
      `${(error as Error).name}: ${String((error as Error).message).split('\n')[0]}`;
    throw new EndpointError(`--endpoint ${endpoint} is not a usable DynamoDB endpoint (${cause})`, { cause: error });
  } finally {
    client.destroy();
  }
}
