import { handler } from '@sales/transform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FirehoseTransformationEvent } from 'aws-lambda';
import { invokeTransform } from '../../src/firehose/lambda-invoker';

const FIXTURE_EVENT = JSON.parse(
  readFileSync(
    join(__dirname, '..', '..', '..', 'transform', 'tests', 'events', 'firehose-event-pipe-sales.json'),
    'utf8',
  ),
) as FirehoseTransformationEvent;

describe('invokeTransform', () => {
  test('captures the summary line the handler writes to stdout, and restores stdout', async () => {
    const write = process.stdout.write;
    const invocation = await invokeTransform(handler, FIXTURE_EVENT);
    expect(process.stdout.write).toBe(write);
    expect(invocation.ok).toBe(true);
    expect(invocation.logLines).toHaveLength(1);
    expect(JSON.parse(invocation.logLines[0]!)).toMatchObject({
      message: 'transformed Firehose batch',
      records: FIXTURE_EVENT.records.length,
      rejectedValues: 0,
    });
  });

  test('captures console lines and stdout lines of a handler that throws', async () => {
    const failing = async (): Promise<never> => {
      console.warn('about to fail');
      process.stdout.write('{"a":1}\n{"b":2}\n');
      throw new Error('boom');
    };
    const invocation = await invokeTransform(failing, FIXTURE_EVENT);
    expect(invocation).toMatchObject({
      ok: false,
      error: { message: 'boom' },
      logLines: ['about to fail', '{"a":1}', '{"b":2}'],
    });
  });
});
