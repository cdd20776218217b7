import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildLambdaBundle } from '../packages/transform/scripts/lambda-bundle';

/** Repository root (this file lives in `<root>/constructs`). */
export const REPO_ROOT = resolve(__dirname, '..');

/** Where bundles are built: git-ignored, relative to the repository root, one folder per content hash. */
export const BUNDLE_ROOT = join(REPO_ROOT, '.gen', 'transform-lambda');

/** A fixed timestamp for bundle files, so the zip cdktf builds from them has the same bytes everywhere. */
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');

/** A built Lambda bundle: a folder that holds `index.js`, named after the bundle's content hash. */
export interface TransformBundle {
  /** Absolute folder holding `index.js` (never written into the synthesized output). */
  readonly directory: string;
  /** First 32 hex digits of the SHA-256 of `index.js`. */
  readonly contentHash: string;
}

/**
 * Describe a bundle folder by the SHA-256 of its `index.js`.
 *
 * @param directory - a folder that holds `index.js`
 * @returns the folder and the hash of `index.js`
 */
export function describeBundle(directory: string): TransformBundle {
  const file = join(directory, 'index.js');
  return { directory, contentHash: createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 32) };
}

/**
 * Bundle `@sales/transform`'s Lambda handler with esbuild into `.gen/transform-lambda/<hash>/index.js`.
 *
 * The bundle is built in a private folder and renamed into its content-addressed place, so parallel
 * synths (e.g. jest workers) never read a half-written file; an existing folder with the same
 * content is reused.
 *
 * @param packageDir - the transform package (default: `<root>/packages/transform`)
 * @returns the bundle's folder and content hash
 * @throws Error when esbuild fails (e.g. the handler does not compile)
 */
export function bundleTransformHandler(packageDir: string = join(REPO_ROOT, 'packages', 'transform')): TransformBundle {
  const buildDir = join(BUNDLE_ROOT, `.build-${process.pid}-${Date.now()}`);
  mkdirSync(buildDir, { recursive: true });
  try {
    const file = join(buildDir, 'index.js');
    buildLambdaBundle(packageDir, file);
    chmodSync(file, 0o644);
    utimesSync(file, FIXED_MTIME, FIXED_MTIME);
    const { contentHash } = describeBundle(buildDir);
    const directory = join(BUNDLE_ROOT, contentHash);
    if (!existsSync(directory)) {
      try {
        renameSync(buildDir, directory);
      } catch (error) {
        if (!existsSync(directory)) throw error; // another process placed the same content first
      }
    }
    return { directory, contentHash };
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}
