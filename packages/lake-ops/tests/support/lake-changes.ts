/**
 * Change rows as the pipeline writes them, made by `@sales/transform`'s own row code, and a local lake to put them in,
 * for the reconcile tests.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { serializeRow, toRow, type AttributeMap, type CdcOperation } from '@sales/transform';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toDynamoJson } from '../../src/table/dynamo-json.js';

let sequence = 1000;

/**
 * One change row line, as the transform writes it for a stream record.
 *
 * @param operation - insert, modify or remove.
 * @param item - The item after the change (or before it, for a remove), as the SDK holds it.
 * @param eventTimeMicros - When the change happened.
 * @returns The row line.
 */
export function changeLine(
  operation: Exclude<CdcOperation, 'snapshot'>,
  item: Record<string, AttributeValue>,
  eventTimeMicros: number,
): string {
  const image = toDynamoJson(item);
  sequence += 1;
  const row = toRow({
    operation,
    eventId: `e${sequence}`,
    eventTimeMicros,
    sequenceNumber: String(sequence).padStart(21, '0'),
    table: 'orders',
    ttlExpired: false,
    keys: { order_id: image.order_id } as AttributeMap,
    newImage: operation === 'remove' ? undefined : image,
    oldImage: operation === 'remove' ? image : undefined,
  });
  if (!row.ok) throw new Error(row.detail);
  return serializeRow(row.value);
}

/**
 * Writes row lines as one GZIP object under the lake's `sales/` prefix.
 *
 * @param lake - The lake folder.
 * @param name - Object name.
 * @param lines - Row lines.
 */
export function writeLakeObject(lake: string, name: string, lines: readonly string[]): void {
  const folder = join(lake, 'sales', 'year=2026', 'month=01', 'day=01', 'hour=00');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.json.gz`), gzipSync(lines.join('')));
}
