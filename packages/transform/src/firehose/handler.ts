import type { FirehoseTransformationEvent, FirehoseTransformationResult } from './firehose-types.js';
import { transformFirehoseEvent, type TransformOptions } from './transform-firehose-event.js';

/** A Firehose transformation Lambda handler. */
export type FirehoseHandler = (event: FirehoseTransformationEvent) => Promise<FirehoseTransformationResult>;

/**
 * Build the Lambda entry point for the Firehose data transformation. All logic lives in
 * {@link transformFirehoseEvent}; the handler adds one structured JSON log line per batch (counts,
 * bytes, rejected values, the first few failure reasons), never one per record.
 *
 * @param options - passed to {@link transformFirehoseEvent}; give `schema` so rows conform to the
 *   declared table
 * @returns the handler
 * @example
 * ```ts
 * export const handler = createHandler({ schema: createRowSchema(columns) });
 * ```
 */
export function createHandler(options: TransformOptions = {}): FirehoseHandler {
  return async (event) => {
    const { result, summary } = transformFirehoseEvent(event, options);
    console.log(JSON.stringify(summary));
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
