import type { Row } from './row.js';

/**
 * Serialize a row as one line of newline-delimited JSON, ending in `\n` (Firehose concatenates
 * records, and Athena needs one JSON object per line). Values are written as they are: they
 * already are JSON text.
 *
 * @param row - from {@link toRow}
 * @returns `{"col":value,...}\n`
 * @example
 * ```ts
 * serializeRow(new Map([['total', '44.98'], ['cdc_operation', '"insert"']])); //=> '{"total":44.98,"cdc_operation":"insert"}\n'
 * ```
 */
export function serializeRow(row: Row): string {
  let line = '';
  for (const [name, value] of row) line += `${line === '' ? '{' : ','}${JSON.stringify(name)}:${value}`;
  return `${line === '' ? '{' : line}}\n`;
}
