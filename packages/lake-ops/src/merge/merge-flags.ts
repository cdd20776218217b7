/**
 * The flags of `sales-lake merge`, in `--help` order, and how they are checked.
 */
import { parseNumberInRange, UsageError, type FlagTable, type FlagValues } from '@sales/command-line';
import { SETTINGS } from '@sales/pipeline-spec';
import { LAKE_FLAGS } from '../lake-flags.js';
import { ATHENA_FLAGS, validateAthenaFlags, type AthenaTarget } from '../athena/athena-flags.js';
import type { MergeMode } from './merge-plan.js';

const LATENESS = SETTINGS.mergeLatenessSeconds;

/** `sales-lake merge`'s flags: the shared `--lake`, `--json`, `--dry-run`, the Athena target, and its own. */
export const MERGE_FLAGS = {
  lake: LAKE_FLAGS.lake,
  ...ATHENA_FLAGS,
  rebuild: {
    type: 'boolean',
    description: 'take the whole change log as the truth: a first load after a backfill, or after a repair of the log',
    defaultText: 'off: merge the window since the last merge',
  },
  'lateness-seconds': {
    type: 'string',
    value: 's',
    description: `how late a change may reach the lake and still be merged (${LATENESS.min} to ${LATENESS.max})`,
    defaultText: `${LATENESS.default}, the stack's default (the pipe's maximum record age plus the delivery delay)`,
  },
  json: LAKE_FLAGS.json,
  'dry-run': {
    ...LAKE_FLAGS['dry-run'],
    description: 'print the window and the statements a run would execute; write nothing',
  },
  help: LAKE_FLAGS.help,
} as const satisfies FlagTable;

/** A validated merge command line. */
export interface MergeCommandOptions {
  readonly lake: string;
  /** The workgroup and database of an s3:// lake; `undefined` for a local lake. */
  readonly athena: AthenaTarget | undefined;
  readonly mode: MergeMode;
  readonly latenessSeconds: number;
  readonly json: boolean;
  readonly dryRun: boolean;
}

/**
 * Checks the merge flags: `--lake` is required, `--workgroup` and `--database` too with an s3:// lake (and refused
 * with a folder), `--lateness-seconds` whole seconds within the setting's limits.
 *
 * @param values - From `parseFlags(MERGE_FLAGS, argv)`.
 * @returns The options.
 * @throws UsageError naming the flag that is missing or bad.
 * @example
 * ```ts
 * validateMergeOptions({ lake: '.local', rebuild: true }); //=> { lake: '.local', mode: 'rebuild', latenessSeconds: 25200, … }
 * ```
 */
export function validateMergeOptions(values: FlagValues<typeof MERGE_FLAGS>): MergeCommandOptions {
  if (values.lake === undefined || values.lake === '')
    throw new UsageError('--lake is required: the folder npm run local wrote, or s3://<lake bucket>/');
  const lateness = values['lateness-seconds'];
  return {
    lake: values.lake,
    athena: validateAthenaFlags(values),
    mode: values.rebuild === true ? 'rebuild' : 'incremental',
    latenessSeconds:
      lateness === undefined
        ? LATENESS.default
        : parseNumberInRange('--lateness-seconds', lateness, { min: LATENESS.min, max: LATENESS.max, integer: true }),
    json: values.json === true,
    dryRun: values['dry-run'] === true,
  };
}
