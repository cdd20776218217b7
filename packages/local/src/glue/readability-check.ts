import { type GlueColumn, type GlueType, parseHiveType } from '@sales/pipeline-spec';
import { mergeGlueTypes, renderGlueType } from './glue-types.js';
import { JsonNumber, parseRawJson, RawObject, type RawJson } from './raw-json.js';

/**
 * Athena's OpenX JSON SerDe, as strict as it is, applied to one value: returns why the value would
 * fail the query (`HIVE_BAD_DATA`, "Primitive can not be coerced to a ROW") or change silently on
 * read (rounding, truncation, a coerced scalar, a struct field the table does not have), or
 * undefined when Athena reads it back exactly.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/openx-json-serde.html
 * @see https://repost.aws/knowledge-center/athena-hive-bad-data-error
 * @see https://docs.aws.amazon.com/athena/latest/ug/data-types.html
 */
export function readProblem(type: GlueType, value: RawJson): string | undefined {
  if (value === null || type.kind === 'null') return undefined;
  const shown = describe(value);
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? undefined : `${shown} in a string column (the SerDe would coerce it)`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${shown} in a boolean column`;
    case 'int':
    case 'bigint':
      return integerProblem(type.kind, value, shown);
    case 'double':
      return value instanceof JsonNumber ? undefined : `${shown} in a double column`;
    case 'decimal':
      return decimalProblem(type.precision, type.scale, value, shown);
    case 'array':
      if (!Array.isArray(value)) return `${shown} where the table declares ${renderGlueType(type)}`;
      for (let i = 0; i < value.length; i++) {
        const problem = readProblem(type.element, value[i] as RawJson);
        if (problem !== undefined) return `[${i}]: ${problem}`;
      }
      return undefined;
    case 'struct':
      if (!(value instanceof RawObject))
        return `${shown}: Primitive can not be coerced to a ROW (${renderGlueType(type)})`;
      for (const [key, field] of value.members) {
        const fieldType = type.fields.get(key.toLowerCase());
        if (fieldType === undefined)
          return `.${key}: not a field of ${renderGlueType(type)} (Athena would drop it silently)`;
        const problem = readProblem(fieldType, field);
        if (problem !== undefined) return `.${key}: ${problem}`;
      }
      return duplicateKey(value);
  }
}

const INT_RANGE = { int: [-(2n ** 31n), 2n ** 31n - 1n], bigint: [-(2n ** 63n), 2n ** 63n - 1n] } as const;

function integerProblem(kind: 'int' | 'bigint', value: RawJson, shown: string): string | undefined {
  if (!(value instanceof JsonNumber) || !/^-?\d+$/.test(value.text))
    return `${shown} in an ${kind} column (HIVE_BAD_DATA)`;
  const [min, max] = INT_RANGE[kind];
  const n = BigInt(value.text);
  return n >= min && n <= max ? undefined : `${shown} is out of ${kind} range (HIVE_BAD_DATA)`;
}

function decimalProblem(precision: number, scale: number, value: RawJson, shown: string): string | undefined {
  const match = value instanceof JsonNumber ? /^-?(\d+)(?:\.(\d+))?$/.exec(value.text) : null;
  if (match === null) return `${shown} in a decimal(${precision},${scale}) column`;
  const integerDigits = (match[1] as string).replace(/^0+/, '').length;
  const fractionDigits = match[2]?.length ?? 0;
  if (fractionDigits > scale)
    return `${shown} has ${fractionDigits} fraction digits, decimal(${precision},${scale}) rounds to ${scale}`;
  if (integerDigits > precision - scale)
    return `${shown} has ${integerDigits} integer digits, decimal(${precision},${scale}) holds ${precision - scale} (read as NULL)`;
  return undefined;
}

function duplicateKey(object: RawObject): string | undefined {
  const seen = new Set<string>();
  for (const [key] of object.members) {
    const lower = key.toLowerCase();
    if (seen.has(lower)) return `duplicate key "${key}" (the SerDe lower-cases keys: "Duplicate key")`;
    seen.add(lower);
  }
  return undefined;
}

function describe(value: RawJson): string {
  if (value instanceof JsonNumber) return `number ${value.text}`;
  if (value instanceof RawObject) return 'an object';
  if (Array.isArray(value)) return 'an array';
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}

/**
 * The type the Glue crawler's JSON classifier infers from one value, from its text: integers that
 * fit 32 bits are `int`, other integers `bigint` (even beyond 64 bits), other numbers `double`.
 *
 * @param value - a raw JSON value
 * @returns its type (`null` for JSON null: it fixes nothing)
 */
export function sightedType(value: RawJson): GlueType {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'string') return { kind: 'string' };
  if (typeof value === 'boolean') return { kind: 'boolean' };
  if (value instanceof JsonNumber) {
    if (!/^-?\d+$/.test(value.text)) return { kind: 'double' };
    const n = BigInt(value.text);
    return { kind: n >= -(2n ** 31n) && n < 2n ** 31n ? 'int' : 'bigint' };
  }
  if (Array.isArray(value))
    return { kind: 'array', element: value.map(sightedType).reduce(mergeGlueTypes, { kind: 'null' }) };
  return {
    kind: 'struct',
    fields: new Map(value.members.map(([key, field]) => [key.toLowerCase(), sightedType(field)])),
  };
}

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
 * {@link checkLakeReadability} fed a file at a time, in key order, so a crawl holds one file, not the lake.
 *
 * @example
 * ```ts
 * const check = new ReadabilityCheck(ORDER_CHANGE_COLUMNS);
 * for (const key of listLakeKeys(root, 'sales/')) check.add(readLakeFile(root, 'sales/', key));
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
