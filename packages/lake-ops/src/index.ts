/**
 * `@sales/lake-ops` as a library: what `sales-lake` runs, for callers that embed it (`npm run local -- --existing`,
 * the local pipeline's merge stage, and the local pipeline's test that replays the error objects its Firehose emulator
 * wrote). Re-exports only.
 */
export { runCli, topLevelHelp } from './run-cli.js';
export { scanBackfill, scanObjectName, type ScanBackfillOptions } from './backfill/scan-backfill.js';
export { newSummary, type BackfillSummary } from './backfill/backfill-report.js';
export { checkStream } from './backfill/preconditions.js';
export { PreconditionError } from './precondition-error.js';
export { DEFAULT_FENCE_MARGIN_SECONDS, snapshotSortKey, toFenceMicros } from './rows/fence.js';
export { toSnapshotLine, type SnapshotContext } from './rows/snapshot-row.js';
export { toDynamoJson } from './table/dynamo-json.js';
export {
  replayErrorObjects,
  type ErrorReplaySummary,
  type ReplayErrorObjectsOptions,
} from './replay/firehose/replay-error-objects.js';
export type { LakeObjectInfo, LakeStore } from './lake/lake-store.js';
export { LocalLakeStore } from './lake/local-lake-store.js';
export { mergeLocalLake, type LocalMergeOptions } from './merge/merge-local-lake.js';
export { localCurrentFiles, CURRENT_STATE_DATABASE_FILE, type LocalCurrentFiles } from './merge/local-current-files.js';
export type { MergeMode, MergeRequest, WholeLogReason } from './merge/merge-plan.js';
export type { MergeReport, MergeRowCounts, StatementOutcome } from './merge/merge-report.js';
export { MergeRunError } from './merge/merge-run-error.js';
