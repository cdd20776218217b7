/**
 * buildCli: bundles the `sales-generator` bin with esbuild into one CommonJS file.
 */
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

/** The package directory (this file lives in `<package>/scripts`). */
export const PACKAGE_DIR = path.resolve(__dirname, '..');

/** Where the bin is written: `dist/cli.cjs`, as package.json's `bin` says. */
export const CLI_OUTFILE = path.join(PACKAGE_DIR, 'dist', 'cli.cjs');

/**
 * Bundles `src/cli/cli.ts` and its dependencies (the AWS SDK included) into a self-contained, executable
 * `dist/cli.cjs` for Node 20. No source map and no absolute paths in the output.
 *
 * @param outfile - Output path. @defaultValue {@link CLI_OUTFILE}
 * @returns The output path.
 * @throws Error when esbuild reports errors.
 */
export function buildCli(outfile: string = CLI_OUTFILE): string {
  buildSync({
    entryPoints: [path.join(PACKAGE_DIR, 'src', 'cli', 'cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
  return outfile;
}
