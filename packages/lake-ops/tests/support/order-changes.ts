/**
 * Change rows of orders, made by `@sales/transform`'s own row code (stream changes) and backfill's snapshot code, and
 * written into a local lake under the event-time partition of each row, as the delivery stream writes them.
 */
import { partitionPath } from '@sales/pipeline-spec';
import { serializeRow, toRow, type AttributeMap } from '@sales/transform';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { toSnapshotLine } from '../../src/rows/snapshot-row.js';

/** The attributes of an order that change: enough to tell two versions apart, in every column type. */
export interface OrderVersion {
  readonly status: string;
  /** Units of the one line item; totals follow from it. */
  readonly quantity: number;
  /** Cents of the unit price, so money has digits a double would lose (e.g. 1999 → 19.99). */
  readonly unitCents: number;
}

/**
 * Cents as the decimal text DynamoDB's `N` holds and DuckDB prints for `DECIMAL(12, 2)`.
 *
 * @param cents - A whole number of cents, 0 or more.
 * @returns e.g. `19.99` for 1999, `0.05` for 5.
 */
export const money = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/**
 * The order as the table holds it, in DynamoDB JSON: one line item (a map in a list), money as `N` with two decimals.
 *
 * @param orderId - The key.
 * @param version - What differs between versions.
 * @returns The item.
 */
export function orderItem(orderId: string, version: OrderVersion): AttributeMap {
  const line = version.quantity * version.unitCents;
  const tax = Math.round(line / 10);
  return {
    order_id: { S: orderId },
    customer_id: { S: 'cus-00042' },
    customer_name: { S: 'Ana Lima' },
    customer_city: { S: 'Lisbon' },
    customer_country: { S: 'PT' },
    line_items: {
      L: [
        {
          M: {
            sku: { S: 'EL-1005' },
            product_name: { S: 'Smartwatch' },
            category: { S: 'electronics' },
            quantity: { N: String(version.quantity) },
            unit_price: { N: money(version.unitCents) },
            line_total: { N: money(line) },
          },
        },
      ],
    },
    item_count: { N: '1' },
    subtotal: { N: money(line) },
    tax: { N: money(tax) },
    shipping: { N: '0' },
    total: { N: money(line + tax) },
    currency: { S: 'EUR' },
    region: { S: 'EMEA' },
    channel: { S: 'web' },
    status: { S: version.status },
    created_at: { S: '2026-12-06T10:00:00.000Z' },
    updated_at: { S: '2026-12-06T10:00:00.000Z' },
  };
}

/** One stream change of an order. */
export interface StreamChange {
  readonly operation: 'insert' | 'modify' | 'remove';
  readonly orderId: string;
  /** The state after the change (before it, for a remove). */
  readonly version: OrderVersion;
  /** `ApproximateCreationDateTime` in µs (whole seconds, as DynamoDB Streams gives it). */
  readonly eventTimeMicros: number;
  /** The stream sequence number: orders the changes of one second. */
  readonly sequence: number;
}

/**
 * The row line the transform writes for one stream change; the event id is the sequence number, so a redelivery of
 * the same change is the same line.
 *
 * @param change - The change.
 * @returns The line, ending in `\n`.
 */
export function streamChangeLine(change: StreamChange): string {
  const image = orderItem(change.orderId, change.version);
  const row = toRow({
    operation: change.operation,
    eventId: `ev-${String(change.sequence).padStart(12, '0')}`,
    eventTimeMicros: change.eventTimeMicros,
    sequenceNumber: String(change.sequence).padStart(21, '0'),
    table: 'sales-dev-orders',
    ttlExpired: false,
    keys: { order_id: image.order_id } as AttributeMap,
    newImage: change.operation === 'remove' ? undefined : image,
    oldImage: change.operation === 'remove' ? image : undefined,
  });
  if (!row.ok) throw new Error(row.detail);
  return serializeRow(row.value);
}

/**
 * The row line a backfill writes for an order it read: `snapshot`, event time the snapshot's, sort key its fence.
 *
 * @param orderId - The key.
 * @param version - The state read.
 * @param snapshotTimeMicros - When the snapshot was taken (its partition).
 * @param fenceMicros - Where it sorts (`toFenceMicros`).
 * @returns The line, ending in `\n`.
 */
export function snapshotChangeLine(
  orderId: string,
  version: OrderVersion,
  snapshotTimeMicros: number,
  fenceMicros: number,
): string {
  const line = toSnapshotLine(orderItem(orderId, version), {
    snapshotId: `s${snapshotTimeMicros}`,
    snapshotTimeMicros,
    fenceMicros,
    table: 'sales-dev-orders',
    keyNames: ['order_id'],
  });
  if (!line.ok) throw new Error(line.detail);
  return line.value;
}

/**
 * Writes row lines into the lake, one GZIP object per event-time hour, under `sales/year=…/month=…/day=…/hour=…/`.
 *
 * @param lake - The lake folder.
 * @param name - The object name (without extension); the same name in another hour is another object.
 * @param lines - Row lines.
 */
export function writeChangeObjects(lake: string, name: string, lines: readonly string[]): void {
  const byHour = new Map<string, string[]>();
  for (const line of lines) {
    const time = String((JSON.parse(line) as { cdc_event_time: string }).cdc_event_time);
    const values = {
      year: time.slice(0, 4),
      month: time.slice(5, 7),
      day: time.slice(8, 10),
      hour: time.slice(11, 13),
    };
    const folder = partitionPath(values);
    byHour.set(folder, [...(byHour.get(folder) ?? []), line]);
  }
  for (const [folder, rows] of byHour) {
    mkdirSync(join(lake, folder), { recursive: true });
    writeFileSync(join(lake, folder, `${name}.json.gz`), gzipSync(rows.join('')));
  }
}
