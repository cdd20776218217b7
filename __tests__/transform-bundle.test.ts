import { Testing } from 'cdktf';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import {
  BUNDLE_ROOT,
  REPO_ROOT,
  bundleTransformHandler,
  packageBundle,
} from '../constructs/data-path/transform-bundle';
import { TransformFunction } from '../constructs/data-path/transform-function';
import { TEST_AWS, TEST_KEY_ARN } from './helpers/context';

const SHARED_FIXTURES = join(REPO_ROOT, 'packages', 'transform', 'tests', 'events');

/** A throwaway package whose `src/handler.ts` has the given body. */
function packageWithHandler(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'handler-pkg-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'handler.ts'), `export const handler = async () => ${body};\n`);
  return dir;
}

function synthFunction(bundleDirectory: ReturnType<typeof bundleTransformHandler>): string {
  return Testing.synthScope(
    (scope) =>
      new TransformFunction(scope, 'Transform', {
        functionName: 'fn',
        aws: TEST_AWS,
        bundle: bundleDirectory,
        kmsKeyArn: TEST_KEY_ARN,
        logRetentionDays: 14,
      }),
  );
}

describe('bundleTransformHandler', () => {
  const packages: string[] = [];
  afterAll(() => {
    for (const dir of packages) rmSync(dir, { recursive: true, force: true });
  });

  test('bundles the real @sales/transform handler into a content-addressed folder under .gen', async () => {
    const bundle = bundleTransformHandler();
    expect(bundle.directory).toBe(join(BUNDLE_ROOT, bundle.contentHash));
    const code = readFileSync(join(bundle.directory, 'index.js'), 'utf8');
    expect(code).not.toContain(REPO_ROOT);
    const module = {
      exports: {} as { handler?: (event: unknown) => Promise<{ records: Array<{ recordId: string }> }> },
    };
    new Function('module', 'exports', 'require', code)(module, module.exports, require);
    const event = JSON.parse(readFileSync(join(SHARED_FIXTURES, 'firehose-event-pipe-sales.json'), 'utf8')) as {
      records: Array<{ recordId: string }>;
    };
    const log = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const result = await module.exports.handler!(event);
      expect(result.records.map((record) => record.recordId)).toEqual(event.records.map((record) => record.recordId));
    } finally {
      log.mockRestore();
    }
  });

  test('gives the same hash and synthesized function for the same code, wherever it is built from', () => {
    const [first, second] = [packageWithHandler('({ records: [] })'), packageWithHandler('({ records: [] })')];
    packages.push(first, second);
    const [a, b] = [
      bundleTransformHandler(first, join(first, 'src', 'handler.ts')),
      bundleTransformHandler(second, join(second, 'src', 'handler.ts')),
    ];
    expect(a).toEqual(b);
    expect(synthFunction(a)).toBe(synthFunction(b));
  });

  test('changes the hash and the deployed path when the code changes', () => {
    const [before, after] = [
      packageWithHandler('({ records: [] })'),
      packageWithHandler('({ records: [], changed: true })'),
    ];
    packages.push(before, after);
    const [a, b] = [
      bundleTransformHandler(before, join(before, 'src', 'handler.ts')),
      bundleTransformHandler(after, join(after, 'src', 'handler.ts')),
    ];
    expect(a.contentHash).not.toBe(b.contentHash);
    const filename = (synthesized: string) =>
      (Object.values(JSON.parse(synthesized).resource.aws_lambda_function)[0] as { filename: string }).filename;
    expect(filename(synthFunction(a))).toContain(a.contentHash);
    expect(filename(synthFunction(b))).toContain(b.contentHash);
  });

  test('replaces a folder left from an older layout (index.js without lambda.zip)', () => {
    const code = Buffer.from(`exports.handler=async()=>({records:[]});// ${process.pid}\n`);
    const stale = join(BUNDLE_ROOT, createHash('sha256').update(code).digest('hex').slice(0, 32));
    rmSync(stale, { recursive: true, force: true });
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, 'index.js'), code);
    const bundle = packageBundle(code);
    expect(bundle.directory).toBe(stale);
    expect(existsSync(bundle.zipFile)).toBe(true);
    rmSync(stale, { recursive: true, force: true });
  });
});
