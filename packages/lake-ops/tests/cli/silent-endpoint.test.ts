/**
 * An endpoint that accepts connections and never answers: every command that reads the table gives up in bounded
 * time with a line naming the endpoint.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { useLakeFolder } from '../support/lake-folder.js';
import { runNpm } from '../support/run-bin.js';

describe('sales-lake against a silent endpoint', () => {
  let server: Server;
  const sockets: Socket[] = [];
  let endpoint: string;

  beforeAll(async () => {
    server = createServer((socket) => void sockets.push(socket)); // accept, never answer
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => server.close(done));
  });
  const lake = useLakeFolder('silent-endpoint-lake-');

  test.each([
    ['reconcile', []],
    ['backfill', ['--stream-since', '2025-01-01T00:00:00Z']],
  ])(
    '`npm run %s` exits 1 within 30 s naming the endpoint',
    async (script, extra) => {
      const started = Date.now();

      const result = await runNpm(script, ['--table', 'orders', '--endpoint', endpoint, '--lake', lake.path, ...extra]);

      expect(Date.now() - started).toBeLessThan(30_000);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `sales-lake ${script}: --endpoint ${endpoint} did not answer DescribeTable within 5 s; nothing was done`,
      );
    },
    60_000,
  );
});
