import { type GlueColumn, type GlueType, parseHiveType } from '@sales/pipeline-spec';
import { renderGlueType } from './glue-types.js';
import type { CatalogTable } from '../types.js';

/** The table Athena would query after a crawl, and how the lake and the declared schema differ. */
export interface EffectiveCatalog {
  /** Declared columns with their declared types, then columns only the crawler found. */
  readonly table: CatalogTable;
  /** Columns in the lake that the table does not declare (the crawler adds them: `MergeNewColumns`). */
  readonly newColumns: readonly string[];
  /** Columns whose data the declared type cannot read, and partition mismatches; one sentence each. */
  readonly conflicts: readonly string[];
}

const NUMERIC_READERS: Readonly<Record<string, readonly string[]>> = {
  int: ['int'],
  bigint: ['int', 'bigint'],
  double: ['int', 'bigint', 'double'],
  decimal: ['int', 'bigint', 'double'],
};

/**
 * Whether a column declared as `declared` reads values whose crawled type is `found` without
 * losing them: numbers widen (int into bigint, any number into double or decimal), any scalar
 * reads as string, arrays and structs compare element by element and field by field.
 *
 * @param declared - the catalog's type
 * @param found - the type the crawler inferred from the data
 * @returns true when the JSON SerDe can read the data with the declared type
 */
export function isReadableAs(declared: GlueType, found: GlueType): boolean {
  if (found.kind === 'null') return true;
  if (declared.kind === 'string') return found.kind !== 'array' && found.kind !== 'struct';
  if (declared.kind in NUMERIC_READERS) return NUMERIC_READERS[declared.kind]!.includes(found.kind);
  if (declared.kind === 'array') return found.kind === 'array' && isReadableAs(declared.element, found.element);
  if (declared.kind === 'struct') {
    if (found.kind !== 'struct') return false;
    return [...found.fields].every(
      ([name, type]) => declared.fields.has(name) && isReadableAs(declared.fields.get(name)!, type),
    );
  }
  return declared.kind === found.kind;
}

/**
 * Combine the infrastructure's declared table (`@sales/pipeline-spec` (`lake/catalog-schema.ts`)) with what the
 * crawler found, as the deployed crawler does (`MergeNewColumns`: declared columns keep their
 * types, new columns are appended, nothing is retyped), and report every disagreement.
 *
 * @param declared - the table's row columns
 * @param partitionColumns - the table's partition columns
 * @param crawled - the schema inferred from the lake
 * @returns the effective table, the new columns and the conflicts
 */
export function mergeWithDeclared(
  declared: readonly GlueColumn[],
  partitionColumns: readonly GlueColumn[],
  crawled: CatalogTable,
): EffectiveCatalog {
  const found = new Map(crawled.columns.map((column) => [column.name, column.type]));
  const conflicts: string[] = [];
  const columns = declared.map(({ name, type }) => {
    const declaredType = parseHiveType(type);
    const foundType = found.get(name);
    if (foundType !== undefined && !isReadableAs(declaredType, foundType)) {
      conflicts.push(`column ${name}: the lake holds ${renderGlueType(foundType)}, the table declares ${type}`);
    }
    return { name, type: declaredType };
  });
  const declaredNames = new Set(declared.map((column) => column.name));
  const added = crawled.columns.filter((column) => !declaredNames.has(column.name));
  const partitionKeys = partitionColumns.map((column) => column.name);
  if (crawled.partitionKeys.length > 0 && crawled.partitionKeys.join('/') !== partitionKeys.join('/')) {
    conflicts.push(
      `partitions: the lake has ${crawled.partitionKeys.join('/')}, the table declares ${partitionKeys.join('/')}`,
    );
  }
  return {
    table: { columns: [...columns, ...added], partitionKeys },
    newColumns: added.map((column) => column.name),
    conflicts,
  };
}
