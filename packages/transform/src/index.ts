// Re-exports only, grouped by step: decode the record, parse the change, write the row, answer Firehose.
export type { Failure, FailureReason, Parsed } from './shared/parsed.js';

export { decodeRecord } from './decode/decode-record.js';

export type { AttributeMap, AttributeValue } from './change/attribute-value.js';
export {
  parseChangeRecord,
  toChangeRecord,
  type CdcOperation,
  type ChangeRecord,
  type ParseChangeRecordOptions,
} from './change/change-record.js';
export { toEpochMicros } from './change/event-time.js';

export { CDC_COLUMNS, toSortKey, type CdcColumn } from './row/cdc-metadata.js';
export { toColumnName } from './row/column-name.js';
export { toJsonNumber } from './row/number-text.js';
export { toRow, type Row, type RowOptions } from './row/row.js';
export { toRowLine } from './row/row-line.js';
export { RowLineWriter, type RowLineWriterOptions } from './row/row-line-writer.js';
export { serializeRow } from './row/serialize-row.js';

export type { ColumnType } from './schema/column-type.js';
export { parseColumnType } from './schema/column-type.js';
export { REJECTED_COLUMN } from './row/conformance.js';
export { valueConforms } from './row/conform-value.js';
export { createRowSchema, type RowSchema, type SchemaColumn } from './schema/row-schema.js';
export { SchemaError } from './schema/schema-error.js';

export type { BatchSummary, FailureExample } from './firehose/batch-summary.js';
export { InvalidFirehoseEventError } from './firehose/errors.js';
export type {
  FirehoseRecordTransformationStatus,
  FirehoseTransformationEvent,
  FirehoseTransformationEventRecord,
  FirehoseTransformationResult,
  FirehoseTransformationResultRecord,
} from './firehose/firehose-types.js';
export { createHandler, handler, type FirehoseHandler } from './firehose/handler.js';
export { toPartitionKeys, type PartitionKeys } from './firehose/partition-keys.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './firehose/response-size.js';
export { formatSummaryLine, type SummaryLine } from './firehose/summary-line.js';
export {
  transformFirehoseEvent,
  type TransformOptions,
  type TransformOutput,
} from './firehose/transform-firehose-event.js';
