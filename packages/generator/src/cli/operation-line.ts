/**
 * The dry run's output format: one JSON object per operation, one line each.
 */
import { toJsonOrder } from '../model/item.js';
import type { Operation } from '../plan/plan-types.js';

/**
 * Serializes one planned operation as the JSON line `--dry-run` prints.
 *
 * Every line has `op`, `seq` and `order_id`. Puts add `status` (`placed`) and the full `item`;
 * updates add `status` (the new status, same as `to`), `from`, `to` and `updated_at`.
 *
 * @param operation - A planned operation.
 * @returns The JSON text, without the trailing newline.
 * @example
 * ```ts
 * formatOperationLine({ op: 'delete', seq: 9, order_id: 'ord-1a2b3c4d5e6f-0000003' });
 * //=> '{"op":"delete","seq":9,"order_id":"ord-1a2b3c4d5e6f-0000003"}'
 * ```
 */
export function formatOperationLine(operation: Operation): string {
  switch (operation.op) {
    case 'put':
      return JSON.stringify({
        op: 'put',
        seq: operation.seq,
        order_id: operation.order_id,
        status: operation.order.status,
        item: toJsonOrder(operation.order),
      });
    case 'update':
      return JSON.stringify({
        op: 'update',
        seq: operation.seq,
        order_id: operation.order_id,
        status: operation.to,
        from: operation.from,
        to: operation.to,
        updated_at: operation.updated_at,
      });
    case 'delete':
      return JSON.stringify({ op: 'delete', seq: operation.seq, order_id: operation.order_id });
  }
}
