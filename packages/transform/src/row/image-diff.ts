import { joinColumnName, toColumnName } from './column-name.js';

/** An item image, or the content of an `M`: attribute name to (unvalidated) attribute value. */
export type Image = Record<string, unknown>;

/** The content of an `M` attribute value, or undefined when `av` is not a map. */
export function mapContent(av: unknown): Image | undefined {
  if (typeof av !== 'object' || av === null || !('M' in av)) return undefined;
  const content = (av as { M: unknown }).M;
  return typeof content === 'object' && content !== null && !Array.isArray(content) ? (content as Image) : undefined;
}

/**
 * Cheap equality for the common case of an unchanged `S`/`N`/`BOOL` attribute: the old value has
 * the same payload under the same type key. Anything else goes to the deep comparison.
 */
export function sameScalar(type: string, payload: unknown, oldAv: unknown): boolean {
  return (
    (type === 'S' || type === 'N' || type === 'BOOL') &&
    typeof oldAv === 'object' &&
    oldAv !== null &&
    (oldAv as Record<string, unknown>)[type] === payload
  );
}

/** Whether a map has at least one key (without allocating a key array). */
export function hasKeys(map: Image): boolean {
  for (const _key in map) return true;
  return false;
}

/** Column names an old-image attribute occupied (its leaves when it is a non-empty map). */
export function collectNames(av: unknown, name: string, out: string[]): void {
  const content = mapContent(av);
  if (content === undefined || !hasKeys(content)) {
    out.push(name);
    return;
  }
  for (const key in content) collectNames(content[key], joinColumnName(name, toColumnName(key)), out);
}
