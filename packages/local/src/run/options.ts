import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Validated options of `npm run local`. */
export interface LocalOptions {
  /** Orders to place (the generator's puts); updates and deletes come on top. @defaultValue 300 */
  readonly orders: number;
  /** Fraction of records Firehose delivers twice (at-least-once), 0 to 1. @defaultValue 0.05 */
  readonly duplicates: number;
  /** Folder standing in for the lake bucket; its `sales/`, `errors/`, `logs/` are replaced. @defaultValue - `.local` at the repository root */
  readonly out: string;
  /** An existing DynamoDB-compatible endpoint. @defaultValue - an embedded dynalite on 127.0.0.1 */
  readonly endpoint?: string;
  /** Seed of the generator plan and of the re-delivery dice. @defaultValue 'local' */
  readonly seed: string;
  /** No progress lines on stderr. @defaultValue false */
  readonly quiet: boolean;
}

/** Result of {@link parseLocalArgs}: options, a help request, or a one-line usage error. */
export type ParsedArgs = { readonly kind: 'run'; readonly options: LocalOptions } | { readonly kind: 'help' } | { readonly kind: 'error'; readonly message: string };

/** Default values, shown by `--help`. */
export const OPTION_DEFAULTS = { orders: 300, duplicates: 0.05, seed: 'local', out: '.local' } as const;
/** Upper bound of `--orders`: every change is held in memory (about 2 KB each) until Firehose drains. */
const MAX_ORDERS = 100_000;

/** `--help` text: usage and every flag with its default. */
export const USAGE = `Usage: npm run local -- [options]

Runs the whole sales pipeline on this machine: DynamoDB (dynalite) -> stream records -> Pipes ->
Kinesis -> Firehose + the real transform -> a gzipped, Hive-partitioned lake -> schema inference ->
the Athena named queries on DuckDB. Results on stdout, progress on stderr, summary.json in --out.

Options:
  --orders N         orders to place; updates and deletes come on top (default ${OPTION_DEFAULTS.orders}, max ${MAX_ORDERS})
  --duplicates P     fraction of records Firehose re-delivers, 0 to 1 (default ${OPTION_DEFAULTS.duplicates})
  --out DIR          lake folder; its sales/, errors/, logs/ and summary.json are replaced (default ${OPTION_DEFAULTS.out}/ at the repository root)
  --endpoint URL     use this DynamoDB-compatible endpoint instead of the embedded dynalite
  --seed S           seed of the plan and of re-delivery (default "${OPTION_DEFAULTS.seed}")
  --quiet            no progress lines
  --help             show this help
`;

const fail = (message: string): ParsedArgs => ({ kind: 'error', message: `sales-local: ${message} (see --help)` });

/**
 * Parse and validate command-line flags (strict: unknown flags and positionals are errors).
 *
 * @param argv - arguments after the script name
 * @param repoRoot - where the default `--out` lives
 * @param cwd - what a relative `--out` is relative to: the user's directory (npm runs scripts at
 *   the repository root, and passes the user's directory as `INIT_CWD`)
 * @returns the options, a help request, or an error message naming the flag and the value
 * @example
 * ```ts
 * parseLocalArgs(['--orders=-5'], '/repo', '/repo');
 * //=> { kind: 'error', message: 'sales-local: --orders must be an integer from 1 to 100000, received "-5" (see --help)' }
 * ```
 */
export function parseLocalArgs(argv: readonly string[], repoRoot: string, cwd: string): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        orders: { type: 'string' },
        duplicates: { type: 'string' },
        out: { type: 'string' },
        endpoint: { type: 'string' },
        seed: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return fail((error as Error).message.replace(/\s*\n\s*/g, ' '));
  }
  if (values.help) return { kind: 'help' };
  const orders = Number(values.orders ?? OPTION_DEFAULTS.orders);
  if (!Number.isInteger(orders) || orders < 1 || orders > MAX_ORDERS) {
    return fail(`--orders must be an integer from 1 to ${MAX_ORDERS}, received "${values.orders}"`);
  }
  const duplicates = Number(values.duplicates ?? OPTION_DEFAULTS.duplicates);
  if (values.duplicates?.trim() === '' || !(duplicates >= 0 && duplicates <= 1)) {
    return fail(`--duplicates must be a fraction from 0 to 1, received "${values.duplicates}"`);
  }
  if (values.endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(values.endpoint)) {
    return fail(`--endpoint must be an http(s) URL, received "${values.endpoint}"`);
  }
  if (values.seed !== undefined && values.seed.trim() === '') return fail('--seed must not be empty');
  if (values.out !== undefined && values.out.trim() === '') return fail('--out must not be empty');
  return {
    kind: 'run',
    options: {
      orders,
      duplicates,
      out: values.out === undefined ? resolve(repoRoot, OPTION_DEFAULTS.out) : resolve(cwd, values.out),
      ...(values.endpoint === undefined ? {} : { endpoint: values.endpoint }),
      seed: values.seed ?? OPTION_DEFAULTS.seed,
      quiet: values.quiet ?? false,
    },
  };
}
