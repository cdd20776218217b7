/**
 * Everything replay takes from the pipeline's contract (`@sales/pipeline-spec`): the lake layout and the pipe's
 * partition key.
 */
export { DATA_FILE_EXTENSION, ERROR_PREFIX, PARTITION_KEYS, partitionPath, type PartitionKey } from '@sales/pipeline-spec';
export { PIPE_PARTITION_KEY } from '@sales/pipeline-spec';

/** Firehose's `!{firehose:error-output-type}` for records the transform Lambda answered `ProcessingFailed` or could not be invoked for. */
export const PROCESSING_FAILED_TYPE = 'processing-failed';
