/**
 * Turns dry-run lines and scanned items into comparable plain objects.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** One parsed dry-run line. */
export interface PlannedLine {
  op: 'put' | 'update' | 'delete';
  seq: number;
  order_id: string;
  status?: string;
  from?: string;
  to?: string;
  updated_at?: string;
  item?: Record<string, unknown>;
}

/**
 * Parses the dry run's stdout.
 * @param stdout - JSON lines.
 * @returns The planned operations.
 */
export function parseLines(stdout: string): PlannedLine[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as PlannedLine);
}

/**
 * DynamoDB returns numbers in canonical form ("56.00" reads back as "56"), so decimals are compared
 * canonically: trailing zeros after the point removed.
 */
function canonicalDecimal(text: string): string {
  return /^-?\d+\.\d+$/.test(text) ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Numbers become canonical decimal strings, so a scanned item and a dry-run item compare equal. */
function normalize(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return canonicalDecimal(value);
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}

/**
 * Replays dry-run lines into the expected table content, without the clock-derived timestamps.
 * @param lines - Parsed dry-run lines.
 * @returns Expected items by order id.
 */
export function expectedItems(lines: readonly PlannedLine[]): Map<string, Record<string, unknown>> {
  const state = new Map<string, Record<string, unknown>>();
  for (const line of lines) {
    if (line.op === 'put') state.set(line.order_id, { ...(normalize(line.item) as Record<string, unknown>) });
    else if (line.op === 'delete') state.delete(line.order_id);
    else {
      const item = state.get(line.order_id);
      if (item) item.status = line.to;
    }
  }
  for (const item of state.values()) {
    delete item.created_at;
    delete item.updated_at;
  }
  return state;
}

/**
 * Converts a DynamoDB item to plain values (S and N as strings), without the timestamps.
 * @param item - A scanned item.
 * @returns The plain object.
 */
export function plainItem(item: Record<string, AttributeValue>): Record<string, unknown> {
  const convert = (value: AttributeValue): unknown => {
    if (value.S !== undefined) return canonicalDecimal(value.S);
    if (value.N !== undefined) return canonicalDecimal(value.N);
    if (value.M !== undefined) return Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, convert(v)]));
    if (value.L !== undefined) return value.L.map(convert);
    throw new Error(`unexpected attribute value ${JSON.stringify(value)}`);
  };
  const plain = convert({ M: item }) as Record<string, unknown>;
  delete plain.created_at;
  delete plain.updated_at;
  return plain;
}
