import { existsSync } from 'node:fs';
import path from 'node:path';
import { InfraDiffError } from './errors';
import { readSynthesizedApp } from './read-synthesized-app';
import { runCommand } from './run-command';
import type { SynthesizedApp } from './types';

/**
 * Environment for `cdktf synth`: no telemetry, no colour codes, and no Terraform CLI configuration
 * (synth never runs Terraform; without this cdktf warns about a missing `~/.terraformrc` on every run).
 */
const SYNTH_ENV = { CHECKPOINT_DISABLE: '1', FORCE_COLOR: '0', TF_CLI_CONFIG_FILE: '/dev/null' };

/** Where cdktf's own error report starts in its output; what precedes it is progress noise. */
const CDKTF_ERROR_HEADER = 'ERROR: cdktf encountered an error';

/**
 * Synthesizes the cdktf app in `appDir` into `outDir` with the repository's own `cdktf` CLI
 * (as `npm run synth` does, telemetry off) and reads the result.
 *
 * A directory without `cdktf.json` (a ref from before the infrastructure existed) has no stacks.
 *
 * @param appDir - a checkout of the repository with `node_modules` in place
 * @param outDir - where to write the synth output (kept out of the checkout's `cdktf.out`)
 * @returns each stack's `cdk.tf.json`, keyed by stack name
 * @throws {@link InfraDiffError} when synth fails, quoting the end of its output
 */
export async function synthesize(appDir: string, outDir: string): Promise<SynthesizedApp> {
  if (!existsSync(path.join(appDir, 'cdktf.json'))) return {};
  const cdktf = path.join(appDir, 'node_modules', '.bin', 'cdktf');
  if (!existsSync(cdktf)) throw new InfraDiffError(`cdktf CLI not found at ${cdktf}: run npm ci first`);
  try {
    await runCommand(cdktf, ['synth', '--output', outDir], { cwd: appDir, env: SYNTH_ENV });
  } catch (error) {
    const message = (error as Error).message;
    const start = message.indexOf(CDKTF_ERROR_HEADER);
    throw new InfraDiffError(`synth failed in ${appDir}:\n${start === -1 ? message : message.slice(start)}`, {
      cause: error,
    });
  }
  return readSynthesizedApp(outDir);
}
