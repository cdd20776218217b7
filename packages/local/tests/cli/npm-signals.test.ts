import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLocal, startLocal } from './spawn-local';

let home: string;
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'sales-local-npm-signal-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** The pids below `pid`, from /proc (Linux): npm's shell and node, or node alone once the script `exec`s it. */
function descendants(pid: number): number[] {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** Whether a process runs (a zombie nobody reaped yet has ended). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitUntilGone(pids: readonly number[], withinMs: number): Promise<number[]> {
  const until = Date.now() + withinMs;
  while (pids.some(isRunning) && Date.now() < until) await new Promise((done) => setTimeout(done, 200));
  return pids.filter(isRunning);
}

const linux = process.platform === 'linux' ? describe : describe.skip;

linux('SIGTERM to `npm run local` (as the docs run it)', () => {
  test('reaches the node process: it stops, and --out keeps the previous results', async () => {
    const out = join(home, 'lake');
    expect((await runLocal(['--orders', '5', '--out', out, '--quiet', '--seed', 'before'])).code).toBe(0);
    const before = readFileSync(join(out, 'summary.json'), 'utf8');
    const running = startLocal(['--orders', '20000', '--out', out], {}, 'npm');
    await running.waitForStderr('start database');
    const below = descendants(running.child.pid as number);
    expect(below.length).toBeGreaterThan(0);

    running.child.kill('SIGTERM');
    const result = await running.finished;

    expect(await waitUntilGone(below, 60_000)).toEqual([]);
    expect(result.code).toBe(143);
    expect(result.stderr).toContain('sales-local: terminated (SIGTERM); stopping after the current stage');
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(before);
  }, 120_000);
});
