/**
 * buildLambdaBundle: a Lambda handler and everything it imports as one file, built the same way wherever it is built
 * (the stack's synth, `@sales/transform`'s bundle test and footprint bench), so what is tested is what is deployed.
 */
import { buildSync, type BuildOptions } from 'esbuild';
import { join } from 'node:path';

/**
 * esbuild options for the Firehose transformation Lambda: one minified CommonJS file for
 * the Node.js 24 runtime (`nodejs24.x`) on arm64 (esbuild output is architecture-independent JavaScript).
 * No source map and no comments, so the output holds no absolute paths and its bytes
 * depend only on the source.
 */
export const LAMBDA_BUILD_OPTIONS: Readonly<BuildOptions> = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'silent',
};

/** Result of {@link buildLambdaBundle}. */
export interface LambdaBundle {
  /** Path of the written bundle. */
  readonly file: string;
  /** Size of the bundle in bytes. */
  readonly bytes: number;
}

/**
 * Bundle a package's Lambda entry, `src/handler.ts` (as `@sales/transform` has it), or another entry into `outfile`
 * (synchronously, so a cdktf construct can call it while synthesizing).
 *
 * @param packageDir - directory of the package whose handler is bundled (esbuild's working directory)
 * @param outfile - where to write the bundle, e.g. `<dir>/index.js` for handler `index.handler`
 * @param entry - the entry file; a pipeline passes its own file that exports
 *   `createHandler({ schema })` built with its declared table
 * @returns the file written and its size
 * @throws Error when esbuild reports a build error
 */
export function buildLambdaBundle(
  packageDir: string,
  outfile: string,
  entry: string = join(packageDir, 'src', 'handler.ts'),
): LambdaBundle {
  const result = buildSync({
    ...LAMBDA_BUILD_OPTIONS,
    absWorkingDir: packageDir,
    entryPoints: [entry],
    outfile,
    metafile: true,
  });
  const output = Object.values(result.metafile?.outputs ?? {})[0];
  return { file: outfile, bytes: output?.bytes ?? 0 };
}
