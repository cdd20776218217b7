import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InfraDiffError } from './errors';
import type { JsonObject, SynthesizedApp } from './types';

interface Manifest {
  readonly stacks?: Record<string, { readonly synthesizedStackPath?: string }>;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InfraDiffError(
      `could not read ${path.basename(file)} from the synth output: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * Reads every stack of a cdktf synth output directory, as listed in its `manifest.json`.
 *
 * @param outDir - the directory passed to `cdktf synth --output`
 * @returns each stack's parsed `cdk.tf.json`, keyed by stack name
 * @throws {@link InfraDiffError} when the manifest or a stack file is missing or not JSON
 */
export function readSynthesizedApp(outDir: string): SynthesizedApp {
  const manifestFile = path.join(outDir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new InfraDiffError(`synth wrote no manifest.json in ${outDir}`);
  const manifest = readJson(manifestFile) as Manifest;
  const app: Record<string, JsonObject> = {};
  for (const [name, stack] of Object.entries(manifest.stacks ?? {})) {
    const relative = stack.synthesizedStackPath ?? path.join('stacks', name, 'cdk.tf.json');
    app[name] = readJson(path.join(outDir, relative)) as JsonObject;
  }
  return app;
}
