/**
 * Misbehaving endpoints for the built CLI: a DynamoDB-shaped HTTP server that describes a table and then
 * answers, hangs or goes away; a raw TCP server that accepts connections and never answers; a closed port.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** A running endpoint and how to stop it. */
export interface FakeEndpoint {
  readonly endpoint: string;
  /** Write requests received (PutItem, BatchWriteItem, UpdateItem, DeleteItem). */
  readonly writes: () => number;
  /** Stops listening and drops every connection: from then on the port refuses connections. */
  readonly close: () => Promise<void>;
}

/** What the HTTP endpoint does with write requests. */
export type WriteBehaviour = 'succeed' | 'hang';

/** The key schema DescribeTable reports. */
export interface DescribedKey {
  readonly KeySchema: readonly { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  readonly AttributeDefinitions: readonly { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
}

/** The orders table's key, as DynamoDB describes it. */
export const ORDERS_KEY: DescribedKey = {
  KeySchema: [{ AttributeName: 'order_id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'order_id', AttributeType: 'S' }],
};

const listen = (server: Server): Promise<string> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

/**
 * An HTTP server speaking just enough of the DynamoDB JSON protocol: DescribeTable answers ACTIVE with `key`;
 * writes succeed (empty answer, no UnprocessedItems) or hang forever.
 *
 * @param writes - What happens to write requests.
 * @param key - The key schema DescribeTable reports. @defaultValue {@link ORDERS_KEY}
 * @returns The running endpoint.
 */
export async function startDynamoEndpoint(
  writes: WriteBehaviour,
  key: DescribedKey = ORDERS_KEY,
): Promise<FakeEndpoint> {
  let writeCount = 0;
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const target = String(req.headers['x-amz-target']);
      if (target.endsWith('.DescribeTable')) {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ Table: { TableName: 'orders', TableStatus: 'ACTIVE', ...key } }));
        return;
      }
      writeCount += 1;
      if (writes === 'succeed') {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end('{}');
      }
    });
  });
  const endpoint = await listen(server);
  return {
    endpoint,
    writes: () => writeCount,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A TCP server that accepts every connection and never sends a byte.
 *
 * @returns The running endpoint (`writes` counts connections).
 */
export async function startSilentTcpServer(): Promise<FakeEndpoint> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  const endpoint = await listen(server);
  return {
    endpoint,
    writes: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A port nothing listens on (bound, then released), so connecting to it is refused.
 *
 * @returns `http://127.0.0.1:<port>`.
 */
export async function closedPortEndpoint(): Promise<string> {
  const server = createTcpServer();
  const endpoint = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return endpoint;
}
