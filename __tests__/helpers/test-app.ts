import { Testing, type App } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outdirs: string[] = [];

/**
 * `Testing.app()` with an output folder that is removed after the test file: `Testing.app()` alone makes a
 * `cdktf.outdir.*` folder in the system temp folder on every call and never removes it.
 *
 * @returns a test app
 */
export function testApp(): App {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf.outdir.'));
  outdirs.push(outdir);
  return Testing.app({ outdir });
}

afterAll(() => {
  for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
});
