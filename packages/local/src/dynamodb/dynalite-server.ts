import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The subset of dynalite's options used here (the package ships no types). */
interface DynaliteOptions {
  /** A LevelDB folder for the data; without it dynalite keeps everything in memory. */
  readonly path?: string;
  readonly createTableMs?: number;
  readonly deleteTableMs?: number;
  readonly updateTableMs?: number;
}
type DynaliteFactory = (options?: DynaliteOptions) => Server;

/** A running embedded DynamoDB-compatible server. */
export interface LocalDynamoServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** Stop the server (and close its data: in memory, dropped; on disk, left in its folder); safe to call more than once. */
  readonly stop: () => Promise<void>;
}

/**
 * Start dynalite on 127.0.0.1, on a free port chosen by the OS, its data in memory or, given a folder, in a LevelDB
 * there (memory then holds LevelDB's caches, not the table: a run of any size costs the same memory).
 *
 * @param port - port to listen on. @defaultValue 0 (any free port)
 * @param dataDir - folder for the table data. @defaultValue - in memory
 * @returns the endpoint and a stop function
 * @throws Error when the server cannot listen
 * @example
 * ```ts
 * const server = await startDynalite();
 * try { // use server.endpoint
 * } finally { await server.stop(); }
 * ```
 */
export async function startDynalite(port = 0, dataDir?: string): Promise<LocalDynamoServer> {
  const dynalite: DynaliteFactory = require('dynalite');
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(dataDir === undefined ? {} : { path: dataDir }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve, reject) => {
      server.closeAllConnections?.();
      server.close((error) => (error ? reject(error) : resolve()));
    }));
  return { endpoint: `http://127.0.0.1:${bound}`, stop };
}
