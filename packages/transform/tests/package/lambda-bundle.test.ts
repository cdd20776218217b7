import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FirehoseTransformationResult as AwsFirehoseResult, FirehoseTransformationHandler } from 'aws-lambda';
import { buildLambdaBundle } from '@sales/lambda-bundle';
import {
  handler,
  transformFirehoseEvent,
  type FirehoseTransformationEvent,
  type FirehoseTransformationResult,
} from '../../src/index.js';
import { readEvent, repoRoot } from '../support/fixtures.js';

describe('Lambda bundle', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'transform-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is one self-contained CommonJS file whose handler answers like the library', async () => {
    const bundle = buildLambdaBundle(path.join(repoRoot, 'packages', 'transform'), path.join(dir, 'index.js'));
    const source = readFileSync(bundle.file, 'utf8');
    expect(bundle.bytes).toBe(Buffer.byteLength(source));
    expect(source).not.toContain(repoRoot);
    expect(source).not.toMatch(/require\("(?!node:|buffer")[^"]+"\)/);
    const log = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const bundled = require(bundle.file) as {
        handler: (event: FirehoseTransformationEvent) => Promise<FirehoseTransformationResult>;
      };
      const event = readEvent('firehose-event-pipe-sales.json');
      expect(await bundled.handler(event)).toEqual(transformFirehoseEvent(event).result);
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      log.mockRestore();
    }
  });

  test('the handler accepts @types/aws-lambda events and returns its result type', () => {
    // The assignment is the check, made by `npm run typecheck`: an @types/aws-lambda Firehose event
    // is a valid argument, and our result is a valid @types/aws-lambda result.
    const asAwsTypes: (event: Parameters<FirehoseTransformationHandler>[0]) => Promise<AwsFirehoseResult> = handler;
    expect(asAwsTypes).toBe(handler);
  });
});
