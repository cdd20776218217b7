/**
 * Whether Athena reads every row of the lake back exactly, judged a line at a time.
 */
import { type GlueColumn, type GlueType, parseHiveType } from '@sales/pipeline-spec';
import { renderGlueType } from './glue-types.js';
import { parseRawJson, RawObject, type RawJson } from './raw-json.js';
import { duplicateKey, readProblem, sightedType } from './serde-read.js';

/** One row of the lake that Athena could not read exactly. */
export interface UnreadableValue {
  /** Object key of the file. */
  readonly file: string;
  /** 1-based line in the file. */
  readonly line: number;
  /** The column. */
  readonly column: string;
  /** Which table judged it: the declared table, or the types a first-sighting crawl fixed. */
  readonly under: 'declared table' | 'first-sighting crawl';
  /** Why. */
  readonly problem: string;
}

const PARTITION_NAMES = new Set(['year', 'month', 'day', 'hour']);

/**
 * Judge every row of the lake, in key order, as Athena would read it: against the declared table
 * for declared columns, and, for the others, against the type a crawler fixed when it first saw
 * the column (`MergeNewColumns` adds new columns and never retypes one). Also flags names Athena
 * and Glue refuse (over 255 characters, a partition column's name, duplicate keys ignoring case).
 *
 * @param files - the lake's data objects, with their raw lines, sorted by key
 * @param declared - the table's row columns
 * @returns every value that would fail or change on read; empty when the lake reads exactly
 * @see https://docs.aws.amazon.com/glue/latest/dg/crawler-configuration.html
 */
export function checkLakeReadability(
  files: readonly { readonly key: string; readonly lines: readonly string[] }[],
  declared: readonly GlueColumn[],
): UnreadableValue[] {
  const check = new ReadabilityCheck(declared);
  for (const file of files) check.add(file);
  return check.found;
}

/**
 * {@link checkLakeReadability} fed a file or a line at a time, in key order, so a crawl holds one line, not the lake.
 *
 * @example
 * ```ts
 * const check = new ReadabilityCheck(ORDER_CHANGE_COLUMNS);
 * check.addLine('sales/year=2025/.../x.json.gz', 1, '{"order_id":"o-1","total":44.90}');
 * check.found; //=> [] when the lake reads exactly
 * ```
 */
export class ReadabilityCheck {
  /** Every value found so far that would fail or change on read. */
  readonly found: UnreadableValue[] = [];
  private readonly declaredTypes: Map<string, GlueType>;
  private readonly sighted = new Map<string, GlueType>();

  /** @param declared - the table's row columns */
  constructor(declared: readonly GlueColumn[]) {
    this.declaredTypes = new Map(declared.map((column) => [column.name, parseHiveType(column.type)]));
  }

  /** @param file - the next data object, with its raw lines */
  add(file: { readonly key: string; readonly lines: readonly string[] }): void {
    for (const [index, text] of file.lines.entries()) this.addLine(file.key, index + 1, text);
  }

  /**
   * Judge one line.
   *
   * @param key - its file's key
   * @param line - its 1-based number among the file's non-empty lines
   * @param text - the line as written
   */
  addLine(key: string, line: number, text: string): void {
    const report = (column: string, under: UnreadableValue['under'], problem: string): void => {
      this.found.push({ file: key, line, column, under, problem });
    };
    const row = parseRawJson(text);
    if (!(row instanceof RawObject)) {
      report('(row)', 'declared table', 'the line is not a JSON object');
      return;
    }
    const duplicate = duplicateKey(row);
    if (duplicate !== undefined) report('(row)', 'declared table', duplicate);
    for (const [member, value] of row.members) this.judge(member, value, report);
  }

  private judge(
    key: string,
    value: RawJson,
    report: (column: string, under: UnreadableValue['under'], problem: string) => void,
  ): void {
    const column = key.toLowerCase();
    if (column.length > 255)
      report(column.slice(0, 40), 'declared table', `column name of ${column.length} characters (Glue allows 255)`);
    if (PARTITION_NAMES.has(column))
      report(column, 'declared table', 'collides with the partition column of the same name');
    const declaredType = this.declaredTypes.get(column);
    if (declaredType !== undefined) {
      const problem = readProblem(declaredType, value);
      if (problem !== undefined) report(column, 'declared table', problem);
      return;
    }
    const fixed = this.sighted.get(column);
    if (fixed === undefined || fixed.kind === 'null') {
      this.sighted.set(column, sightedType(value));
      return;
    }
    const problem = readProblem(fixed, value);
    if (problem !== undefined)
      report(
        column,
        'first-sighting crawl',
        `${problem}; the crawler fixed ${renderGlueType(fixed)} at first sighting`,
      );
  }
}

/**
 * One sentence per unreadable value, naming the file, line and column.
 *
 * @param value - from {@link checkLakeReadability}
 * @returns e.g. `sales/year=2025/.../x.gz line 3, column total (declared table): number 12.345 has 3 fraction digits, ...`
 */
export function describeUnreadable(value: UnreadableValue): string {
  return `${value.file} line ${value.line}, column ${value.column} (${value.under}): ${value.problem}`;
}
