/**
 * @sales/generator: plan realistic sales-order traffic purely, then write it to DynamoDB.
 *
 * Re-exports only, by folder: `model` (the order and its lifecycle), `plan` (the pure plan), `write` (applying it),
 * `table` (the client and the table), `cli` (the `sales-generator` shell).
 */
export { toItem, toJsonOrder } from './model/item.js';
export { TRANSITIONS, canAdvance, nextStatus } from './model/lifecycle.js';
export { formatCents, parseCents } from './model/money.js';
export type { LineItem, Order, OrderStatus, SalesChannel } from './model/order.js';
export { createRandom, runPrefix, type Random } from './model/random.js';
export { operationTimeMs } from './plan/operation-time.js';
export { DEFAULT_RATIOS, iterateOperations, planOperations } from './plan/plan.js';
export type {
  DeleteOperation,
  Operation,
  OperationKind,
  OperationRatios,
  Plan,
  PlanOptions,
  PutOperation,
  UpdateOperation,
} from './plan/plan-types.js';
export { projectTableState } from './plan/project.js';
export { applyPlan, type ApplyOptions, type LazyPlan } from './write/apply.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './write/retry.js';
export { RunStats, type KindCounts, type RunSummary } from './write/run-stats.js';
export type { DynamoDBSender } from './write/write-context.js';
export { createClient, LOCAL_DUMMY_CREDENTIALS, type ClientSettings } from './table/client.js';
export { createOrdersTable, type CreateTableOutcome } from './table/create-table.js';
export { TIME_SPAN_FLAGS } from './cli/cli-flags.js';
export { formatOperationLine } from './cli/operation-line.js';
export { parseTimeSpan, resolveStartMs, type TimeSpan } from './cli/time-span.js';
