/**
 * Runs dynalite in its own process, so the client under test (the bench, the spawned CLI) and the server do not
 * share one event loop.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const SCRIPT = `
const server = require('dynalite')({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
process.stdin.on('end', () => process.exit(0)).resume();
`;

/**
 * Starts dynalite (in memory) on 127.0.0.1 and an OS-assigned port.
 *
 * @param cwd - Directory from which `require('dynalite')` resolves.
 * @returns Its endpoint and a stop function.
 */
export async function startDynaliteProcess(cwd: string): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', SCRIPT], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return {
    endpoint: `http://127.0.0.1:${chunk.toString('utf8').trim()}`,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
