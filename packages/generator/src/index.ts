/**
 * @sales/generator: plan realistic sales-order traffic purely, then write it to DynamoDB.
 *
 * Re-exports only.
 */
export { applyPlan, type ApplyOptions, type LazyPlan } from './apply.js';
export { TIME_SPAN_FLAGS } from './cli-flags.js';
export { createClient, LOCAL_DUMMY_CREDENTIALS, type ClientSettings } from './client.js';
export { createOrdersTable, type CreateTableOutcome } from './create-table.js';
export { toItem, toJsonOrder } from './item.js';
export { TRANSITIONS, canAdvance, nextStatus } from './lifecycle.js';
export { formatCents, parseCents } from './money.js';
export { formatOperationLine } from './operation-line.js';
export { operationTimeMs } from './operation-time.js';
export type { LineItem, Order, OrderStatus, SalesChannel } from './order.js';
export { DEFAULT_RATIOS, iterateOperations, planOperations } from './plan.js';
export type {
  DeleteOperation,
  Operation,
  OperationKind,
  OperationRatios,
  Plan,
  PlanOptions,
  PutOperation,
  UpdateOperation,
} from './plan-types.js';
export { projectTableState } from './project.js';
export { createRandom, runPrefix, type Random } from './random.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
export { RunStats, type KindCounts, type RunSummary } from './run-stats.js';
export { parseTimeSpan, resolveStartMs, type TimeSpan } from './time-span.js';
export type { DynamoDBSender } from './write-context.js';
