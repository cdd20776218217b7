/**
 * The transform function's log of a run (`<out>/logs/transform-lambda.log`), written as the deliveries go.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LambdaLogSink } from '../firehose/firehose-emulator.js';

/**
 * Start the function's log in the lake folder (empty) and return what appends to it, one call per invocation, so
 * the run holds no log lines. Both delivery streams run the one function, so both append here.
 *
 * @param lakeDir - the run's lake folder
 * @returns the sink for the emulators
 * @example
 * ```ts
 * const log = startLambdaLog('.local');
 * log(['{"records":3}']); // appends one line to .local/logs/transform-lambda.log
 * ```
 */
export function startLambdaLog(lakeDir: string): LambdaLogSink {
  const path = join(lakeDir, 'logs', 'transform-lambda.log');
  mkdirSync(join(lakeDir, 'logs'), { recursive: true });
  writeFileSync(path, '');
  return (lines) => {
    if (lines.length > 0) appendFileSync(path, lines.map((line) => `${line}\n`).join(''));
  };
}
