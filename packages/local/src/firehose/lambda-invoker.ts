import type { FirehoseTransformationEvent, FirehoseTransformationResult } from 'aws-lambda';
import type { TransformHandler } from '../types.js';

/** Result of one emulated invocation. */
export type Invocation =
  | { readonly ok: true; readonly result: FirehoseTransformationResult; readonly logLines: string[] }
  | { readonly ok: false; readonly error: Error; readonly logLines: string[] };

/**
 * Invoke the handler as Lambda would: the event goes through a JSON round trip (so the handler
 * sees wire data only), and what the handler logs goes to `logLines` — the function's CloudWatch
 * log stream — instead of this process's stdout: `console` calls and lines written straight to
 * `process.stdout` (how the handler writes its JSON batch summary, unprefixed on Lambda).
 *
 * @param handler - the transformation handler
 * @param event - the Firehose event
 * @returns the parsed response, or the error the handler threw
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html
 */
export async function invokeTransform(
  handler: TransformHandler,
  event: FirehoseTransformationEvent,
): Promise<Invocation> {
  const logLines: string[] = [];
  const capture = (...args: unknown[]) =>
    void logLines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const savedWrite = Object.getOwnPropertyDescriptor(process.stdout, 'write');
  Object.assign(console, { log: capture, info: capture, warn: capture, error: capture });
  process.stdout.write = ((chunk: string | Uint8Array) => {
    logLines.push(
      ...(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
        .split('\n')
        .filter((line) => line !== ''),
    );
    return true;
  }) as typeof process.stdout.write;
  try {
    const result = await handler(JSON.parse(JSON.stringify(event)) as FirehoseTransformationEvent);
    return { ok: true, result: JSON.parse(JSON.stringify(result)) as FirehoseTransformationResult, logLines };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)), logLines };
  } finally {
    Object.assign(console, saved);
    if (savedWrite) Object.defineProperty(process.stdout, 'write', savedWrite);
    else delete (process.stdout as { write?: unknown }).write;
  }
}

/**
 * Check a response the way Firehose does: exactly one output per input `recordId`.
 *
 * @param event - the event sent
 * @param result - the response received
 * @returns `undefined` when valid, else Firehose's error code for the mismatch
 * @see https://docs.aws.amazon.com/firehose/latest/dev/monitoring-with-cloudwatch-logs.html
 */
export function validateResponse(
  event: FirehoseTransformationEvent,
  result: FirehoseTransformationResult,
): string | undefined {
  const sent = new Set(event.records.map((record) => record.recordId));
  const seen = new Set<string>();
  for (const record of result.records ?? []) {
    if (!sent.has(record.recordId)) return 'Lambda.MissingRecordId';
    if (seen.has(record.recordId)) return 'Lambda.DuplicatedRecordId';
    if (!['Ok', 'Dropped', 'ProcessingFailed'].includes(record.result) || typeof record.data !== 'string')
      return 'Lambda.JsonProcessingException';
    seen.add(record.recordId);
  }
  return seen.size === sent.size ? undefined : 'Lambda.MissingRecordId';
}
