import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildLambdaBundle } from '@sales/lambda-bundle';
import { zipFiles } from './zip-file';

/** Repository root (this file lives in `<root>/constructs/data-path`). */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Where bundles are packaged: git-ignored, under the repository root, one folder per content hash. */
export const BUNDLE_ROOT = join(REPO_ROOT, '.gen', 'transform-lambda');

/** A packaged Lambda bundle: `index.js` and its deployment zip, in a folder named after the content hash. */
export interface TransformBundle {
  /** Absolute folder holding `index.js` and `lambda.zip` (never written into the synthesized output). */
  readonly directory: string;
  /** The deployment package, `<directory>/lambda.zip`. */
  readonly zipFile: string;
  /** First 32 hex digits of the SHA-256 of `index.js`. */
  readonly contentHash: string;
  /** Base64 SHA-256 of `lambda.zip`, the form Lambda's `source_code_hash` compares with. */
  readonly zipSha256: string;
}

/**
 * Package handler code as `.gen/transform-lambda/<hash>/{index.js,lambda.zip}`. The zip's bytes depend
 * only on the code (fixed timestamps and attributes), so equal code gives an equal package on every
 * machine. Written to a private folder and renamed into place, so parallel synths (e.g. jest workers)
 * never see half a package; an existing package with the same hash is reused.
 *
 * @param code - the bundled handler (`index.js`)
 * @returns the packaged bundle
 */
export function packageBundle(code: Buffer): TransformBundle {
  const contentHash = createHash('sha256').update(code).digest('hex').slice(0, 32);
  const directory = join(BUNDLE_ROOT, contentHash);
  const zipFile = join(directory, 'lambda.zip');
  if (!existsSync(zipFile)) {
    const staging = join(BUNDLE_ROOT, `.staging-${process.pid}-${contentHash}`);
    mkdirSync(staging, { recursive: true });
    try {
      writeFileSync(join(staging, 'index.js'), code);
      writeFileSync(join(staging, 'lambda.zip'), zipFiles([{ name: 'index.js', content: code }]));
      placeAtomically(staging, directory, zipFile);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return {
    directory,
    zipFile,
    contentHash,
    zipSha256: createHash('sha256').update(readFileSync(zipFile)).digest('base64'),
  };
}

/**
 * Rename a complete staging folder into place. A folder that appears there is always complete (rename is
 * atomic), so an existing one with the zip means another process won; one without it is left over from an
 * older layout and is replaced.
 */
function placeAtomically(staging: string, directory: string, zipFile: string): void {
  try {
    renameSync(staging, directory);
  } catch (error) {
    if (existsSync(zipFile)) return;
    if (!existsSync(directory)) throw error;
    rmSync(directory, { recursive: true, force: true });
    renameSync(staging, directory);
  }
}

/**
 * Package a folder that already holds a bundled `index.js` (e.g. a test fixture).
 *
 * @param directory - folder with `index.js`
 * @returns the packaged bundle
 */
export function describeBundle(directory: string): TransformBundle {
  return packageBundle(readFileSync(join(directory, 'index.js')));
}

/** The pipeline's handler: `@sales/transform` built with the declared `order_changes` schema. */
const PIPELINE_ENTRY = join(__dirname, 'pipeline-transform-handler.ts');

/**
 * Bundle the pipeline's Lambda handler (`@sales/transform`'s `createHandler` with the declared
 * table schema, see `pipeline-transform-handler.ts`) with esbuild and package it (see {@link packageBundle}).
 *
 * @param packageDir - the transform package (default: `<root>/packages/transform`)
 * @param entry - the entry file (default: the pipeline's schema-built handler)
 * @returns the packaged bundle
 * @throws Error when esbuild fails (e.g. the handler does not compile)
 */
export function bundleTransformHandler(
  packageDir: string = join(REPO_ROOT, 'packages', 'transform'),
  entry: string = PIPELINE_ENTRY,
): TransformBundle {
  const buildDir = join(BUNDLE_ROOT, `.build-${process.pid}`);
  try {
    buildLambdaBundle(packageDir, join(buildDir, 'index.js'), entry);
    return packageBundle(readFileSync(join(buildDir, 'index.js')));
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}
