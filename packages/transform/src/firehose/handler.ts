import type { FirehoseTransformationEvent, FirehoseTransformationResult } from './firehose-types.js';
import { formatSummaryLine } from './summary-line.js';
import { transformFirehoseEvent, type TransformOptions } from './transform-firehose-event.js';

/** A Firehose transformation Lambda handler. */
export type FirehoseHandler = (event: FirehoseTransformationEvent) => Promise<FirehoseTransformationResult>;

/**
 * Build the Lambda entry point for the Firehose data transformation. All logic lives in
 * {@link transformFirehoseEvent}; the handler adds one structured JSON log line per batch (counts,
 * bytes, rejected values, the first few failure reasons), never one per record.
 *
 * The line goes to `process.stdout.write`, not `console.log`: with the function's Text log format the
 * Node.js runtime prefixes each `console` line with a timestamp, request id and level, so the event is
 * no longer JSON and a CloudWatch Logs JSON metric filter (`{ $.rejectedValues > 0 }`) cannot match it;
 * stdout reaches the log stream as written. The line carries the function's name (`functionName`, from the
 * runtime's `AWS_LAMBDA_FUNCTION_NAME`, read on each invocation) so a metric filter can publish per function.
 *
 * @param options - passed to {@link transformFirehoseEvent}; give `schema` so rows conform to the
 *   declared table
 * @returns the handler
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 * @example
 * ```ts
 * export const handler = createHandler({ schema: createRowSchema(columns) });
 * ```
 */
export function createHandler(options: TransformOptions = {}): FirehoseHandler {
  return async (event) => {
    const { result, summary } = transformFirehoseEvent(event, options);
    // Unprefixed, so a JSON metric filter can parse it: https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html
    process.stdout.write(formatSummaryLine(summary, process.env['AWS_LAMBDA_FUNCTION_NAME']));
    return result;
  };
}

/**
 * The handler without a schema (natural JSON rows), handler string `index.handler` in the
 * generic bundle.
 *
 * @param event - the Firehose transformation event
 * @returns the transformation response
 * @throws InvalidFirehoseEventError when the event has no records array or a record has no id
 */
export const handler: FirehoseHandler = /* @__PURE__ */ createHandler();
