/**
 * Starts an in-memory dynalite on 127.0.0.1 with an OS-assigned port, for the CLI tests and the bench
 * (the generator's helper, which lake-ops cannot import from another package's tests).
 */
import type { AddressInfo, Server } from 'node:net';

/** dynalite ships no types; this is the part of its API used here. */
type DynaliteFactory = (options: { createTableMs: number; deleteTableMs: number; updateTableMs: number }) => Server;
const dynalite = require('dynalite') as DynaliteFactory;

/** A running dynalite. */
export interface DynaliteServer {
  /** e.g. `http://127.0.0.1:40123`. */
  readonly endpoint: string;
  readonly close: () => Promise<void>;
}

/**
 * Starts dynalite in memory, with table creation taking no time.
 *
 * @returns The endpoint and a close function.
 */
export async function startDynalite(): Promise<DynaliteServer> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
