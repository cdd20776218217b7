/**
 * countPartitions: how many day and hour partitions a run's data objects fill.
 */

/** Distinct partitions among a lake's data objects. */
export interface PartitionCount {
  /** Distinct `year=/month=/day=` folders. */
  readonly days: number;
  /** Distinct `year=/month=/day=/hour=` folders. */
  readonly hours: number;
}

const PARTITION = /^(year=\d{4}\/month=\d{2}\/day=\d{2})\/hour=\d{2}\//;

/**
 * Counts the day and hour partitions that the objects under a data prefix fill (other keys are not counted).
 *
 * @param keys - object keys relative to the lake root, e.g. `sales/year=2026/month=11/day=01/hour=00/x.json.gz`
 * @param dataPrefix - the data prefix, e.g. `sales/`
 * @returns distinct days and hours
 * @example
 * ```ts
 * countPartitions(['sales/year=2026/month=11/day=01/hour=00/a.gz', 'sales/year=2026/month=11/day=01/hour=05/b.gz'], 'sales/');
 * //=> { days: 1, hours: 2 }
 * ```
 */
export function countPartitions(keys: Iterable<string>, dataPrefix: string): PartitionCount {
  const days = new Set<string>();
  const hours = new Set<string>();
  for (const key of keys) {
    const match = key.startsWith(dataPrefix) ? PARTITION.exec(key.slice(dataPrefix.length)) : null;
    if (match === null) continue;
    days.add(match[1] as string);
    hours.add(match[0]);
  }
  return { days: days.size, hours: hours.size };
}
