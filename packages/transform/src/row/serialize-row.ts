import type { Row } from './row.js';
import { RowMap } from './row-map.js';

/** Characters `JSON.stringify` escapes; column names from {@link toRow} never contain them. */
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/**
 * Serialize a row as one line of newline-delimited JSON, ending in `\n` (Firehose concatenates
 * records, and Athena needs one JSON object per line). Values are written as they are: they
 * already are JSON text. A row from {@link toRow} that nobody changed gives back the line it was
 * made from, so the public pieces write each row once, as the handler does.
 *
 * @param row - from {@link toRow}, or any map of column name to JSON text
 * @returns `{"col":value,...}\n`
 * @example
 * ```ts
 * serializeRow(new Map([['total', '44.98'], ['cdc_operation', '"insert"']])); //=> '{"total":44.98,"cdc_operation":"insert"}\n'
 * ```
 */
export function serializeRow(row: Row): string {
  if (row instanceof RowMap && row.line !== undefined) return row.line;
  let line = '';
  for (const [name, value] of row)
    line += `${line === '' ? '{' : ','}${NEEDS_ESCAPE.test(name) ? JSON.stringify(name) : `"${name}"`}:${value}`;
  return `${line === '' ? '{' : line}}\n`;
}
