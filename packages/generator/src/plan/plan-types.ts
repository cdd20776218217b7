/**
 * Types of a generator plan: the exact operations a run applies, in order.
 */
import type { Order, OrderStatus } from '../model/order.js';

/** Writes a new order (`PutItem`, or a `PutRequest` in `BatchWriteItem`). */
export interface PutOperation {
  readonly op: 'put';
  /** Position in the plan, from 0. */
  readonly seq: number;
  readonly order_id: string;
  readonly order: Order;
}

/** Moves an order along its lifecycle (`UpdateItem`, conditional on the expected current status). */
export interface UpdateOperation {
  readonly op: 'update';
  readonly seq: number;
  readonly order_id: string;
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  readonly updated_at: string;
}

/** Removes an order (`DeleteItem`, conditional on the order existing). */
export interface DeleteOperation {
  readonly op: 'delete';
  readonly seq: number;
  readonly order_id: string;
}

/** One planned write. */
export type Operation = PutOperation | UpdateOperation | DeleteOperation;

/** The kinds of operation. */
export type OperationKind = Operation['op'];

/** Relative weights of the operation kinds; non-negative, at least one positive. */
export type OperationRatios = Readonly<Record<OperationKind, number>>;

/** Inputs of {@link planOperations} besides the seed. */
export interface PlanOptions {
  /** Number of operations in all (puts, updates and deletes together). */
  readonly count: number;
  /**
   * Relative weights of puts, updates and deletes.
   * @defaultValue { put: 6, update: 3, delete: 1 }
   */
  readonly ratios?: OperationRatios;
  /** Epoch milliseconds of the first operation; comes from the caller's clock, so the plan stays pure. */
  readonly startTimeMs: number;
  /** Operations per second; without {@link PlanOptions.spanMs}, operation `i` is timestamped `startTimeMs + i * 1000 / rate`. */
  readonly rate: number;
  /**
   * Spread the plan's timestamps evenly over [startTimeMs, startTimeMs + spanMs): operation `i` is timestamped
   * `startTimeMs + floor(i * spanMs / count)`, however fast the writes are sent (simulated time, `--span`).
   * @defaultValue - no spread: timestamps follow `rate`
   */
  readonly spanMs?: number;
  /**
   * Days after creation at which an order expires (TTL attribute); omitted when undefined.
   * @defaultValue - no TTL attribute is written
   */
  readonly ttlDays?: number;
  /**
   * Updates and deletes target only the most recent this-many live orders. Older orders stay in the
   * table untouched (as old orders do in a real shop), and the planner's memory stays bounded however
   * long a run is.
   * @defaultValue 100000
   */
  readonly maxTrackedOrders?: number;
}

/** A complete plan: what a run will apply, in order. */
export interface Plan {
  readonly seed: string;
  /** The order-id prefix derived from the seed. */
  readonly runPrefix: string;
  readonly operations: readonly Operation[];
}
