/**
 * `@sales/pipeline-spec`: the contract every part of the pipeline agrees on. The infrastructure
 * (`constructs/`, `main.ts`), the local pipeline and the generator import it by package name.
 * Pure data and functions: importing it loads no cdktf and creates no resources.
 */
export * from './config/bootstrap-config';
export * from './config/config';
export * from './config/config-error';
export * from './config/config-names';
export * from './config/config-parse';
export * from './config/config-variables';
export * from './config/config-warnings';
export * from './config/deploy-readiness';
export * from './config/state-backend';
export * from './config/freshness-budget';
export * from './config/merge-lateness';
export * from './defaults/athena-defaults';
export * from './defaults/check-range';
export * from './defaults/dynamodb-defaults';
export * from './defaults/firehose-defaults';
export * from './defaults/glue-defaults';
export * from './defaults/kinesis-defaults';
export * from './defaults/kms-defaults';
export * from './defaults/lambda-defaults';
export * from './defaults/logs-defaults';
export * from './defaults/pipes-defaults';
export * from './defaults/recent-path-defaults';
export * from './defaults/s3-defaults';
export * from './defaults/stack-defaults';
export * from './lake/catalog-schema';
export * from './lake/lake-clock';
export * from './lake/lake-layout';
export * from './lake/reconcile-tables';
export * from './lake/recent-table';
export * from './names/resource-names';
export * from './operations/drift-metric';
export * from './operations/rejected-values-metric';
export * from './operations/operator-statements';
export * from './names/bucket-name-rules';
export * from './queries/named-queries';
export * from './settings/crawler-settings';
export * from './settings/delivery-stream-settings';
export * from './settings/key-use-statement';
export * from './settings/kinesis-read-budget';
export * from './settings/merge-role-statements';
export * from './settings/merge-schedule-settings';
export * from './settings/pipe-settings';
export * from './settings/table-optimizer-settings';
export * from './table/table-schema';
export * from './types';
export * from './current/current-state-tables';
export * from './current/live-view';
export * from './current/merge-dialect';
export * from './current/merge-statements';
export * from './current/presto-view';
export * from './defaults/current-state-defaults';
