/**
 * Everything replay takes from the pipeline's shared specification (lake layout and the pipe's partition key),
 * re-exported from this one file so that moving the specification to `@sales/pipeline-spec` changes only here.
 */
export { DATA_FILE_EXTENSION, ERROR_PREFIX, PARTITION_KEYS, partitionPath, type PartitionKey } from '../../../../constructs/lake-layout';
export { PIPE_PARTITION_KEY } from '../../../../constructs/pipe-settings';

/** Firehose's `!{firehose:error-output-type}` for records the transform Lambda answered `ProcessingFailed` or could not be invoked for. */
export const PROCESSING_FAILED_TYPE = 'processing-failed';
