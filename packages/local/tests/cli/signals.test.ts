import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLocal, startLocal } from './spawn-local';

let home: string;
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'sales-local-signal-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('npm run local under a signal', () => {
  test.each([
    ['SIGINT', 130, 'interrupted'],
    ['SIGTERM', 143, 'terminated'],
  ] as const)(
    '%s: exit %i after the same clean-up and summary, the previous results kept',
    async (signal, code, word) => {
      const out = join(home, 'lake');
      expect((await runLocal(['--orders', '5', '--out', out, '--quiet', '--seed', 'before'])).code).toBe(0);
      const before = readFileSync(join(out, 'summary.json'), 'utf8');
      const running = startLocal(['--orders', '20000', '--out', out]);
      await running.waitForStderr('start database');

      running.child.kill(signal);
      const result = await running.finished;

      // The process can only exit once dynalite's listening socket is closed.
      expect(result.code).toBe(code);
      expect(result.stderr).toContain(`sales-local: ${word} (${signal}); stopping after the current stage`);
      expect(result.stdout).toMatch(/^run interrupted after .*generate_and_capture interrupted/m);
      expect(result.stdout).toContain(
        `problem: interrupted during generate_and_capture; the previous results in ${out} are kept`,
      );
      expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(before);
    },
    120_000,
  );
});
