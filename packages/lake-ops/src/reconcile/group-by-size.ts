/**
 * groupBySize: consecutive items in groups whose sizes add up to at most a limit: how stage 2 groups buckets by
 * keys, and how the re-check splits its key list by characters.
 */

/**
 * Groups consecutive items so that each group's sizes add up to at most `limit` (an item larger than that is alone).
 *
 * @param items - The items, in order.
 * @param sizeOf - An item's size.
 * @param limit - Size per group.
 * @returns The groups, in order; none when there are no items.
 * @example
 * ```ts
 * groupBySize(['ab', 'cd', 'ef'], (text) => text.length, 4); //=> [['ab', 'cd'], ['ef']]
 * ```
 */
export function groupBySize<T>(items: readonly T[], sizeOf: (item: T, index: number) => number, limit: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let held = 0;
  items.forEach((item, index) => {
    const size = sizeOf(item, index);
    if (current.length > 0 && held + size > limit) {
      groups.push(current);
      current = [];
      held = 0;
    }
    current.push(item);
    held += size;
  });
  if (current.length > 0) groups.push(current);
  return groups;
}
