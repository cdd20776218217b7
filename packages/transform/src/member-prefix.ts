const LIMIT = 4096;
const prefixes = new Map<string, string>();

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
