import { Testing } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Registers cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...).
Testing.setupJest();

// Testing.app() makes a `cdktf.outdir.*` folder in the temp directory for every app and never removes it
// (cdktf lib/testing/index.ts). Give each app a folder this file tracks, and remove them after each test file.
const outdirs: string[] = [];
const createApp = Testing.app.bind(Testing);
Testing.app = (options = {}) => {
  if (options.outdir !== undefined) return createApp(options);
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf.outdir.'));
  outdirs.push(outdir);
  return createApp({ ...options, outdir });
};
afterAll(() => {
  for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
});
