/**
 * KeyComparison: the core of the run's final checks, one key at a time, values compared as text both sides agree on.
 */

/** How a current state differs from the table. */
export interface StateDifference {
  /** Keys in the table with no current row. */
  readonly missing_in_lake: number;
  /** Keys alive in the current state but not in the table. */
  readonly extra_in_lake: number;
  /** Keys on both sides with some column's value different. */
  readonly value_mismatch: number;
  /** A few of the differing keys, for the summary (`key` or `key: column, column`). */
  readonly sample: string[];
  /** What was not compared, one line per column with the reason (`last_change_time: …`). */
  readonly not_judged: string[];
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** A number's text (a JSON number, or DuckDB's DECIMAL/BIGINT text) without trailing fraction zeros. */
const numberText = (text: string): string =>
  NUMERIC.test(text) && text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;

/**
 * One value as text both sides agree on: numbers without trailing fraction zeros, so `44.9`, `"44.90"` and `44.90`
 * are one value; null and absent as ''; lists element by element; objects (a struct, a map) by sorted member name,
 * a null member as absent (DuckDB gives every field of a struct, a line only those the item has).
 */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return numberText(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return numberText(String(value));
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const members = Object.entries(value as Record<string, unknown>)
    .map(([name, member]) => [name, canonical(member)] as const)
    .filter(([, text]) => text !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${members.map(([name, text]) => `${JSON.stringify(name)}:${text}`).join(',')}}`;
}

/** Differing keys a result names. */
const SAMPLE_SIZE = 5;

/** One differing key of a sample, and how the sample names it. */
interface SampleEntry {
  readonly key: string;
  readonly text: string;
}

/** Keys in DuckDB's VARCHAR order: by their UTF-8 bytes. */
const compareKeys = (a: string, b: string): number => (a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b)));

/** Keep the {@link SAMPLE_SIZE} smallest keys in key order, so a sample does not depend on the order keys came in. */
function keepSmallest(sample: SampleEntry[], key: string, text: string): void {
  if (sample.length === SAMPLE_SIZE && compareKeys(key, sample[SAMPLE_SIZE - 1]!.key) >= 0) return;
  const at = sample.findIndex((entry) => compareKeys(key, entry.key) < 0);
  sample.splice(at === -1 ? sample.length : at, 0, { key, text });
  sample.length = Math.min(sample.length, SAMPLE_SIZE);
}

/** A current-state row as DuckDB gives it as JSON (DECIMAL and BIGINT as text, structs as objects). */
export type StateRow = Readonly<Record<string, unknown>>;

/**
 * The check's core, fed one key at a time: a current-state row, the row the table's item makes, or both. Every
 * column a row has (but the ones named as not item attributes) is compared with the item's row by {@link canonical}
 * text. Memory holds the counts, a sample of the five smallest differing keys and the column names seen, whatever
 * the number of keys or the order they come in.
 *
 * @example
 * ```ts
 * const check = new KeyComparison(LOG_WINDOW_COLUMNS);
 * check.compare('a', { order_id: 'a', status: 'paid' }, { order_id: 'a', status: 'paid' });
 * check.compare('b', undefined, { order_id: 'b' }); // alive in the state only
 * check.result(); //=> { missing_in_lake: 0, extra_in_lake: 1, value_mismatch: 0, sample: ['b'], not_judged: [] }
 * ```
 */
export class KeyComparison {
  private readonly rowColumns = new Set<string>();
  private readonly itemColumns = new Set<string>();
  private readonly sample: SampleEntry[] = [];
  private readonly missingSample: SampleEntry[] = [];
  private missing = 0;
  private extra = 0;
  private mismatch = 0;

  /** @param notItemColumns - columns of the current state that are not item attributes, with why: not compared */
  constructor(private readonly notItemColumns: ReadonlyMap<string, string>) {}

  /**
   * Compare one key's sides (a key with two rows comes twice, once per row).
   *
   * @param key - the `order_id`
   * @param expected - the row the table's item makes (`{}` when the transform makes none); undefined: no item
   * @param row - the current-state row; undefined: no row
   */
  compare(key: string, expected: StateRow | undefined, row: StateRow | undefined): void {
    if (row === undefined) {
      if (expected === undefined) return;
      this.missing += 1;
      keepSmallest(this.missingSample, key, key);
      return;
    }
    for (const column of Object.keys(row)) this.rowColumns.add(column);
    if (expected === undefined) {
      this.extra += 1;
      keepSmallest(this.sample, key, key);
      return;
    }
    for (const column of Object.keys(expected)) if (!column.startsWith('cdc_')) this.itemColumns.add(column);
    const differing = Object.keys(row).filter(
      (column) => !this.notItemColumns.has(column) && canonical(row[column]) !== canonical(expected[column]),
    );
    if (differing.length > 0) {
      this.mismatch += 1;
      keepSmallest(this.sample, key, `${key}: ${differing.join(', ')}`);
    }
  }

  /** @returns the differences over every key so far: the rows' first, then the keys missing in the state */
  result(): StateDifference {
    const sample = [...this.sample, ...this.missingSample.slice(0, Math.max(0, SAMPLE_SIZE - this.sample.length))].map(
      (entry) => entry.text,
    );
    const notJudged = [
      ...[...this.notItemColumns].filter(([column]) => this.rowColumns.has(column)),
      ...[...this.itemColumns]
        .filter((column) => !this.rowColumns.has(column))
        .sort()
        .map((column) => [column, 'in the rows the table makes, not in the current state'] as const),
    ].map(([column, reason]) => `${column}: ${reason}`);
    return {
      missing_in_lake: this.missing,
      extra_in_lake: this.extra,
      value_mismatch: this.mismatch,
      sample,
      not_judged: notJudged,
    };
  }
}
