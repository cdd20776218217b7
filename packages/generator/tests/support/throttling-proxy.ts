/**
 * An HTTP proxy in front of dynalite that injects DynamoDB throttling: error responses
 * (ProvisionedThroughputExceededException, ThrottlingException) and partial BatchWriteItem
 * results (UnprocessedItems), and counts what it injected.
 */
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy injected; each affected operation must show up as exactly one retry. */
export interface InjectionCounts {
  /** Requests answered with a throttling error or left partly unprocessed. */
  requests: number;
  /** Operations inside those requests that the client must send again. */
  operations: number;
}

/** A running proxy. */
export interface ThrottlingProxy {
  readonly endpoint: string;
  readonly injected: InjectionCounts;
  readonly close: () => Promise<void>;
}

const WRITE_TARGETS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

/** The JSON error bodies DynamoDB answers with (HTTP 400). */
export const THROTTLING_ERRORS = {
  ProvisionedThroughputExceededException: {
    __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message: 'The level of configured provisioned throughput for the table was exceeded.',
  },
  ThrottlingException: {
    __type: 'com.amazon.coral.availability#ThrottlingException',
    message: 'Rate of requests exceeds the allowed throughput.',
  },
} as const;

function forward(target: string, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const upstream = request(
      `${target}${path}`,
      { method, headers: { ...headers, 'content-length': String(body.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/**
 * Starts the proxy. Of the write requests, every `every`-th one is throttled: alternately a
 * ProvisionedThroughputExceededException, a ThrottlingException and, for BatchWriteItem with 2+
 * items, a partial write where the second half comes back in `UnprocessedItems`.
 *
 * @param target - dynalite's endpoint.
 * @param every - Throttle one write request in this many. @defaultValue 3
 * @returns The proxy endpoint, live injection counts and a close function.
 */
export async function startThrottlingProxy(target: string, every = 3): Promise<ThrottlingProxy> {
  const injected: InjectionCounts = { requests: 0, operations: 0 };
  let writes = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        let body = Buffer.concat(chunks);
        const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
        const throttle = WRITE_TARGETS.has(operation) && ++writes % every === 0;
        const mode = Math.floor(writes / every) % 3;
        let dropped: { table: string; requests: unknown[] } | undefined;
        if (throttle) {
          const parsed = JSON.parse(body.toString('utf8')) as { RequestItems?: Record<string, unknown[]> };
          const [table, requests] = Object.entries(parsed.RequestItems ?? {})[0] ?? ['', []];
          const size = operation === 'BatchWriteItem' ? requests.length : 1;
          injected.requests++;
          if (mode === 2 && size >= 2) {
            dropped = { table, requests: requests.slice(Math.ceil(size / 2)) };
            parsed.RequestItems = { [table]: requests.slice(0, Math.ceil(size / 2)) };
            body = Buffer.from(JSON.stringify(parsed));
            injected.operations += dropped.requests.length;
          } else {
            injected.operations += size;
            const error =
              mode === 0
                ? THROTTLING_ERRORS.ProvisionedThroughputExceededException
                : THROTTLING_ERRORS.ThrottlingException;
            res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `proxy-${writes}` });
            res.end(JSON.stringify(error));
            return;
          }
        }
        const answer = await forward(target, req.method ?? 'POST', req.url ?? '/', req.headers, body);
        let out = answer.body;
        const headers = { ...answer.headers };
        if (dropped && answer.status === 200) {
          const parsed = JSON.parse(out.toString('utf8')) as { UnprocessedItems?: Record<string, unknown[]> };
          parsed.UnprocessedItems = {
            [dropped.table]: [...(parsed.UnprocessedItems?.[dropped.table] ?? []), ...dropped.requests],
          };
          out = Buffer.from(JSON.stringify(parsed));
          delete headers['x-amz-crc32'];
        }
        headers['content-length'] = String(out.length);
        res.writeHead(answer.status, headers);
        res.end(out);
      })().catch((error: unknown) => {
        res.writeHead(502);
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    injected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
