/**
 * A table that does not exist, spawned as a user runs it against dynalite: one line naming `--table` and
 * `--endpoint`, exit 1, no stack trace.
 */
import { rmSync } from 'node:fs';
import { startDynaliteProcess } from '../helpers/dynalite-process.js';
import { emptyLakeFolder } from '../helpers/lake-folder.js';
import { runBin } from '../helpers/run-bin.js';

describe('sales-lake against a table that does not exist', () => {
  let server: Awaited<ReturnType<typeof startDynaliteProcess>>;
  let lake: string;

  beforeAll(async () => {
    server = await startDynaliteProcess(process.cwd());
    lake = emptyLakeFolder('missing-table-lake-');
  });
  afterAll(async () => {
    rmSync(lake, { recursive: true, force: true });
    await server.stop();
  });

  test.each([
    ['reconcile', []],
    ['backfill', ['--source', 'scan', '--stream-since', '2025-01-01T00:00:00Z']],
  ])(
    '%s names the table and the endpoint in one line, exit 1',
    async (command, extra) => {
      const result = await runBin([
        command,
        '--table',
        'no-such-table',
        '--endpoint',
        server.endpoint,
        '--lake',
        lake,
        ...extra,
      ]);

      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `sales-lake ${command}: table "no-such-table" not found at ${server.endpoint}; check --table (the stack output table_name)\n`,
      );
      expect(result.stdout).toBe('');
    },
    60_000,
  );
});
