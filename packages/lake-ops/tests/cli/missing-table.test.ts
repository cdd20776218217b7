/**
 * A table that does not exist, spawned as a user runs it against dynalite: one line naming `--table` and
 * `--endpoint`, exit 1, no stack trace.
 */
import { useDynalite } from '@sales/testing';
import { useLakeFolder } from '../support/lake-folder.js';
import { runBin } from '../support/run-bin.js';

describe('sales-lake against a table that does not exist', () => {
  const dynalite = useDynalite();
  const lake = useLakeFolder('missing-table-lake-', true);

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
        dynalite.endpoint,
        '--lake',
        lake.path,
        ...extra,
      ]);

      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `sales-lake ${command}: table "no-such-table" not found at ${dynalite.endpoint}; check --table (the stack output table_name)\n`,
      );
      expect(result.stdout).toBe('');
    },
    60_000,
  );
});
