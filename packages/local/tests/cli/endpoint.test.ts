import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWS_TIMEOUTS } from '@sales/command-line';
import { runLocal } from './spawn-local';

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return (server.address() as { port: number }).port;
};

let home: string;
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'sales-local-endpoint-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('npm run local --endpoint, before any work', () => {
  test('a closed port: exit 1 at once, the cause and the flag named, --out not touched', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise<void>((done) => closed.close(() => done()));
    const out = join(home, 'lake');

    const result = await runLocal(['--orders', '5', '--out', out, '--endpoint', `http://127.0.0.1:${port}`, '--quiet']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `sales-local: --endpoint http://127.0.0.1:${port} is not a usable DynamoDB endpoint (connection refused: nothing listens there); nothing was done`,
    );
    expect(existsSync(join(out, 'sales'))).toBe(false);
  }, 60_000);

  test('a server that accepts and never answers: exit 1 after the probe timeout, the cause named', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    const port = await listen(silent);
    try {
      const result = await runLocal([
        '--orders',
        '5',
        '--out',
        join(home, 'lake'),
        '--endpoint',
        `http://127.0.0.1:${port}`,
        '--quiet',
      ]);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `sales-local: --endpoint http://127.0.0.1:${port} did not answer within ${AWS_TIMEOUTS.probeMs / 1000} s; nothing was done`,
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  }, 60_000);

  test('a port that does not speak HTTP: exit 1, named as such', async () => {
    const ssh = createServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));
    const port = await listen(ssh);
    try {
      const result = await runLocal([
        '--orders',
        '5',
        '--out',
        join(home, 'lake'),
        '--endpoint',
        `http://127.0.0.1:${port}`,
        '--quiet',
      ]);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `sales-local: --endpoint http://127.0.0.1:${port} is not a usable DynamoDB endpoint (it does not speak HTTP)`,
      );
    } finally {
      ssh.close();
    }
  }, 60_000);
});
