/**
 * `@sales/lambda-bundle`: how this repository bundles a Node.js Lambda handler (esbuild, one minified CommonJS file
 * for `nodejs24.x`, no absolute paths). Private; never part of a published package. Re-exports only.
 */
export { buildLambdaBundle, LAMBDA_BUILD_OPTIONS, type LambdaBundle } from './lambda-bundle.js';
