import type { FirehoseTransformationEvent, FirehoseTransformationResult } from './firehose-types.js';
import { transformFirehoseEvent } from './transform-firehose-event.js';

/**
 * Lambda entry point for the Firehose data transformation (handler string `index.handler` in
 * the bundle). All logic lives in {@link transformFirehoseEvent}; this adds one structured JSON
 * log line per batch (counts, bytes, the first few failure reasons), never one per record.
 *
 * @param event - the Firehose transformation event
 * @returns the transformation response
 * @throws InvalidFirehoseEventError when the event has no records array or a record has no id
 */
export const handler = async (event: FirehoseTransformationEvent): Promise<FirehoseTransformationResult> => {
  const { result, summary } = transformFirehoseEvent(event);
  console.log(JSON.stringify(summary));
  return result;
};
