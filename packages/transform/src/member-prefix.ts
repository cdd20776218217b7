import { isColumnName, toColumnName } from './column-name.js';

const LIMIT = 4096;
const prefixes = new Map<string, string>();
const keys = new Map<string, KeyColumn>();

/** What an attribute name becomes as a column: its segment, and the member prefix of that segment. */
export interface KeyColumn {
  /** `toColumnName(key)`. */
  readonly segment: string;
  /** `memberPrefix(segment)`. */
  readonly prefix: string;
  /** Whether the key already is a column name (`segment === key`). */
  readonly exact: boolean;
}

/**
 * The text that starts a JSON object member, `,"name":`, for a name that needs no escaping
 * (a column name). Names repeat in every record of a batch, so the last few thousand are kept
 * (bounded, and invisible to callers: the result depends only on the argument). Writers drop
 * the first member's leading comma.
 *
 * @param name - a lower snake_case name
 * @returns `,"name":`
 */
export function memberPrefix(name: string): string {
  let prefix = prefixes.get(name);
  if (prefix === undefined) {
    if (prefixes.size >= LIMIT) prefixes.clear();
    prefix = `,"${name}":`;
    prefixes.set(name, prefix);
  }
  return prefix;
}

/**
 * {@link toColumnName} and {@link memberPrefix} of an attribute name in one cached lookup.
 *
 * @param key - attribute name
 * @returns its column segment and member prefix
 */
export function keyColumn(key: string): KeyColumn {
  let column = keys.get(key);
  if (column === undefined) {
    if (keys.size >= LIMIT) keys.clear();
    const segment = toColumnName(key);
    column = { segment, prefix: `,"${segment}":`, exact: isColumnName(key) };
    keys.set(key, column);
  }
  return column;
}
