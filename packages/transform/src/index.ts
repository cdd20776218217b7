export type { AttributeMap, AttributeValue } from './attribute-value.js';
export type { BatchSummary, FailureExample } from './batch-summary.js';
export { CDC_COLUMNS, toSortKey, type CdcColumn } from './cdc-metadata.js';
export { parseChangeRecord, toChangeRecord, type CdcOperation, type ChangeRecord, type ParseChangeRecordOptions } from './change-record.js';
export { toColumnName } from './column-name.js';
export { decodeRecord } from './decode-record.js';
export { InvalidFirehoseEventError } from './errors.js';
export { toEpochMicros } from './event-time.js';
export type {
  FirehoseRecordTransformationStatus,
  FirehoseTransformationEvent,
  FirehoseTransformationEventRecord,
  FirehoseTransformationResult,
  FirehoseTransformationResultRecord,
} from './firehose-types.js';
export { handler } from './handler.js';
export { toJsonNumber } from './number-text.js';
export type { Failure, FailureReason, Parsed } from './parsed.js';
export { toPartitionKeys, type PartitionKeys } from './partition-keys.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './response-size.js';
export { toRow, type Row } from './row.js';
export { serializeRow } from './serialize-row.js';
export { transformFirehoseEvent, type TransformOptions, type TransformOutput } from './transform-firehose-event.js';
