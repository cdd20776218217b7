import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAMBDA_BUILD_OPTIONS } from '@sales/lambda-bundle';
import { REPO_ROOT, bundleTransformHandler } from '../constructs/data-path/transform-bundle';
import { LAMBDA_NODE_MAJOR, findLambdaNode } from './helpers/lambda-node';

// The handler bundle must work on the Node major Lambda runs (nodejs24.x), not only on the Node that runs
// the tests. This runs the real bundle on a Node 24 binary against the AWS-shaped Firehose events.

const EVENTS = join(REPO_ROOT, 'packages', 'transform', 'tests', 'events');
const EVENT_FILES = readdirSync(EVENTS)
  .filter((name) => /^firehose-event-.*\.json$/.test(name) && !name.endsWith('.manifest.json'))
  .sort();

/** Loads the bundle like Lambda does (`index.handler`), answers each event, prints `{ file: result }`. */
const DRIVER = `
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
console.log = (...args) => process.stderr.write(args.join(' ') + '\\n');
const writeResult = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk) => process.stderr.write(chunk); // the handler's summary lines
const [bundle, events, ...files] = process.argv.slice(2);
const { handler } = require(bundle);
(async () => {
  const out = { node: process.version };
  for (const file of files) out[file] = await handler(JSON.parse(readFileSync(join(events, file), 'utf8')));
  writeResult(JSON.stringify(out));
})().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exitCode = 1; });
`;

type Results = Record<string, { records: Array<{ recordId: string; result: string }> }> & { node: string };

function runBundle(node: string, bundleFile: string, dir: string): Results {
  const run = spawnSync(node, [join(dir, 'driver.cjs'), bundleFile, EVENTS, ...EVENT_FILES], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bundle failed on ${node}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Results;
}

describe(`the transform bundle on the Lambda runtime's Node ${LAMBDA_NODE_MAJOR}`, () => {
  test('is built for the same Node major as the Lambda runtime', () => {
    expect(LAMBDA_BUILD_OPTIONS.target).toBe(`node${LAMBDA_NODE_MAJOR}`);
    expect(EVENT_FILES.length).toBeGreaterThanOrEqual(3);
  });

  const lambdaNode = findLambdaNode();
  const title = lambdaNode
    ? `answers every AWS-shaped Firehose event on ${lambdaNode.version} exactly as on the test runner's Node`
    : `skipped: no Node ${LAMBDA_NODE_MAJOR} binary (run \`npm run lambda-node\` or set SALES_LAMBDA_NODE)`;
  (lambdaNode ? test : test.skip)(title, () => {
    const dir = mkdtempSync(join(tmpdir(), 'lambda-node-'));
    try {
      writeFileSync(join(dir, 'driver.cjs'), DRIVER);
      const bundleFile = join(bundleTransformHandler().directory, 'index.js');
      const onLambda = runBundle(lambdaNode!.binary, bundleFile, dir);
      const onRunner = runBundle(process.execPath, bundleFile, dir);
      expect(onLambda.node).toBe(lambdaNode!.version);
      for (const file of EVENT_FILES) {
        const event = JSON.parse(readFileSync(join(EVENTS, file), 'utf8')) as { records: Array<{ recordId: string }> };
        expect(onLambda[file]!.records.map((r) => r.recordId)).toEqual(event.records.map((r) => r.recordId));
        expect(onLambda[file]).toEqual(onRunner[file]);
      }
      const manifest = JSON.parse(
        readFileSync(join(EVENTS, 'firehose-event-malformed.manifest.json'), 'utf8'),
      ) as Array<{ recordId: string; expectedResult: string }>;
      const malformed = new Map(onLambda['firehose-event-malformed.json']!.records.map((r) => [r.recordId, r.result]));
      for (const entry of manifest)
        expect({ id: entry.recordId, result: malformed.get(entry.recordId) }).toEqual({
          id: entry.recordId,
          result: entry.expectedResult,
        });
      expect(onLambda['firehose-event-pipe-sales.json']!.records.every((r) => r.result === 'Ok')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
