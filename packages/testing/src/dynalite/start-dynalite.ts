/**
 * startDynalite: an in-memory dynalite in a child process, for tests and benches. Its own process, so the code
 * measured or tested (a bench's client, reconcile run in the test process, a spawned CLI) and the server do not share
 * one event loop: a bench measures the client alone, and a busy test does not slow the server's answers.
 * (`npm run local` embeds dynalite in its own process: that is product code, in `@sales/local`.)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** The child's program: dynalite from the path given as its one argument, tables created and deleted at once. */
const SCRIPT = `
const server = require(process.argv[1])({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
// Exit with the parent: its end of stdin closes when it exits, even when it crashes.
process.stdin.on('end', () => process.exit(0)).resume();
`;

/** A running dynalite child process. */
export interface RunningDynalite {
  /** Where it listens, e.g. `http://127.0.0.1:40123`. */
  readonly endpoint: string;
  /** Ends the process (and its in-memory tables); resolves once it has exited. */
  readonly stop: () => Promise<void>;
}

/**
 * Starts dynalite (in memory) in a child process on 127.0.0.1 and a port the OS chooses.
 *
 * @returns Its endpoint and a stop function.
 * @example
 * ```ts
 * const dynalite = await startDynalite();
 * try { // point a client at dynalite.endpoint
 * } finally { await dynalite.stop(); }
 * ```
 */
export async function startDynalite(): Promise<RunningDynalite> {
  const child = spawn(process.execPath, ['-e', SCRIPT, require.resolve('dynalite')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return {
    endpoint: `http://127.0.0.1:${chunk.toString('utf8').trim()}`,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
