import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FirehoseTransformationEvent, FirehoseTransformationResultRecord } from '../../src/index.js';

/** Root of the repository (tests run as CommonJS under ts-jest, so __dirname is defined). */
export const repoRoot = path.join(__dirname, '..', '..', '..', '..');

/** The AWS-shaped events shared by every package's tests (regenerate with `node generate.mjs` there). */
export const fixturesDir = path.join(repoRoot, 'packages', 'transform', 'tests', 'events');

/**
 * Read one shared fixture as JSON.
 *
 * @param name - file name in the fixtures folder
 * @returns the parsed content
 */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(fixturesDir, name), 'utf8')) as T;
}

/** One case of `firehose-event-malformed.manifest.json`. */
export interface ManifestCase {
  readonly recordId: string;
  readonly case: string;
  readonly expectedResult: 'Ok' | 'ProcessingFailed';
  readonly why: string;
}

/**
 * Read a shared Firehose event fixture.
 *
 * @param name - file name
 * @returns the event
 */
export const readEvent = (name: string): FirehoseTransformationEvent => readFixture<FirehoseTransformationEvent>(name);

/**
 * Decode an `Ok` output record's row.
 *
 * @param record - output record
 * @returns the row as a JavaScript object, and the raw line
 */
export function decodeRow(record: FirehoseTransformationResultRecord | undefined): {
  row: Record<string, unknown>;
  line: string;
} {
  if (record === undefined) throw new Error('no output record');
  const line = Buffer.from(record.data, 'base64').toString('utf8');
  return { row: JSON.parse(line) as Record<string, unknown>, line };
}
