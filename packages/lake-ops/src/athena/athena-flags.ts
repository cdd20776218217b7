/**
 * `--workgroup` and `--database`: where reconcile and merge run their queries when the lake is the bucket (`--lake s3://…`).
 */
import { UsageError, type FlagTable } from '@sales/command-line';

/** The Athena flags of `sales-lake reconcile` and `merge`, spread into their flag tables. */
export const ATHENA_FLAGS = {
  workgroup: {
    type: 'string',
    value: 'name',
    description: 'Athena workgroup to query an s3:// lake in: the stack output athena_workgroup',
    defaultText: 'required with an s3:// lake',
  },
  database: {
    type: 'string',
    value: 'name',
    description: "Glue database of the lake's tables: the stack output glue_database",
    defaultText: 'required with an s3:// lake',
  },
} as const satisfies FlagTable;

/** Where the queries of an s3:// lake run. */
export interface AthenaTarget {
  readonly workGroup: string;
  readonly database: string;
}

/** @see https://docs.aws.amazon.com/athena/latest/APIReference/API_StartQueryExecution.html (WorkGroup) */
const WORKGROUP_NAME = /^[a-zA-Z0-9._-]{1,128}$/;
/** @see https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html */
const DATABASE_NAME = /^[a-z0-9_]{1,255}$/;

function required(flag: string, value: string | undefined, output: string, pattern: RegExp, allowed: string): string {
  if (value === undefined || value === '')
    throw new UsageError(`--${flag} is required with an s3:// lake: the stack output ${output}`);
  if (!pattern.test(value)) throw new UsageError(`--${flag} must be ${allowed}, received "${value}"`);
  return value;
}

/**
 * Checks `--workgroup` and `--database` against the lake: both required for an s3:// lake, refused for a folder.
 *
 * @param values - The parsed `lake`, `workgroup` and `database`.
 * @returns The target for an s3:// lake, `undefined` for a folder.
 * @throws UsageError naming the flag that is missing, malformed or not applicable.
 * @example
 * ```ts
 * validateAthenaFlags({ lake: 's3://sales-dev-lake', workgroup: 'sales-dev', database: 'sales_dev' });
 * //=> { workGroup: 'sales-dev', database: 'sales_dev' }
 * ```
 */
export function validateAthenaFlags(values: {
  readonly lake?: string | undefined;
  readonly workgroup?: string | undefined;
  readonly database?: string | undefined;
}): AthenaTarget | undefined {
  if (values.lake?.startsWith('s3:') !== true) {
    for (const flag of ['workgroup', 'database'] as const)
      if (values[flag] !== undefined)
        throw new UsageError(`--${flag} applies to an s3:// lake only; a local lake is queried in DuckDB`);
    return undefined;
  }
  return {
    workGroup: required(
      'workgroup',
      values.workgroup,
      'athena_workgroup',
      WORKGROUP_NAME,
      '1 to 128 of a-z A-Z 0-9 . _ -',
    ),
    database: required('database', values.database, 'glue_database', DATABASE_NAME, '1 to 255 of a-z 0-9 _'),
  };
}
