/**
 * The flags of `npm run local`: one table drives parsing and `--help` (`@sales/command-line`).
 */
import { HELP_FLAG, renderHelp, VERSION_FLAG, type FlagTable } from '@sales/command-line';
import { TIME_SPAN_FLAGS } from '@sales/generator';

/** The program name in messages. */
export const BIN = 'sales-local';

/** Default values, shown by `--help` and applied by {@link validateLocalOptions}. */
export const OPTION_DEFAULTS = {
  orders: 300,
  existing: 0,
  duplicates: 0.05,
  injectFailures: 0,
  seed: 'local',
  out: '.local',
  /** `--late-fraction` when a `--span` is given; without one, no change is late unless asked for. */
  lateFractionWithSpan: 0.02,
} as const;

/**
 * Upper bound of `--late-fraction`: a late change is the exception that arrives after later ones; past one in two,
 * lateness would be the rule and "later" would lose its meaning.
 */
export const MAX_LATE_FRACTION = 0.5;

/**
 * Upper bound of `--orders`, from measurement: nothing is held per change (the changes stream through the hops, the
 * table and the lake are checked on disk; docs/local.md, "Scale"), but the peak still rises until DuckDB's and
 * Firehose's fixed-size buffers are full, and the largest run measured whole was 605,000 orders (1,010,249 changes,
 * 715 MiB, 38 min). Raise it with a measured run.
 */
export const MAX_ORDERS = 605_000;

/**
 * Upper bound of `--existing`: the orders written before capture go through `sales-lake`'s scan backfill, whose
 * memory was measured at 490 MiB for 25,000 (docs/local.md, "Existing orders"); not measured beyond.
 */
export const MAX_EXISTING = 25_000;

/** Every flag of `npm run local`, in `--help` order. */
export const LOCAL_FLAGS = {
  orders: {
    type: 'string',
    value: 'n',
    description: `orders to place; updates and deletes come on top (max ${MAX_ORDERS})`,
    defaultText: String(OPTION_DEFAULTS.orders),
  },
  existing: {
    type: 'string',
    value: 'n',
    description: `orders the table holds before capture starts (not captured), backfilled by a concurrent scan (max ${MAX_EXISTING})`,
    defaultText: String(OPTION_DEFAULTS.existing),
  },
  duplicates: {
    type: 'string',
    value: 'p',
    description: 'fraction of records Firehose re-delivers, 0 to 1',
    defaultText: String(OPTION_DEFAULTS.duplicates),
  },
  'inject-failures': {
    type: 'string',
    value: 'p',
    description: 'fraction of records the transform answers ProcessingFailed, 0 to 1 (a broken deploy)',
    defaultText: String(OPTION_DEFAULTS.injectFailures),
  },
  ...TIME_SPAN_FLAGS,
  'late-fraction': {
    type: 'string',
    value: 'p',
    description: `fraction of changes the pipe delivers hours late, into partitions newer ones have passed, 0 to ${MAX_LATE_FRACTION}`,
    defaultText: `${OPTION_DEFAULTS.lateFractionWithSpan} with --span, else 0`,
  },
  out: {
    type: 'string',
    value: 'dir',
    description: 'lake folder (marked .sales-local); its results are replaced',
    defaultText: `${OPTION_DEFAULTS.out}/ at the repository root`,
  },
  endpoint: {
    type: 'string',
    value: 'url',
    description: 'a DynamoDB-compatible endpoint instead of the embedded dynalite; the table stays there',
    defaultText: 'embedded dynalite',
  },
  seed: {
    type: 'string',
    value: 's',
    description: 'seed of the plan, of re-delivery, of injected failures and of late deliveries',
    defaultText: OPTION_DEFAULTS.seed,
  },
  sql: {
    type: 'string',
    value: 'query',
    description:
      'run one SQL statement on the lake in --out (order_changes, orders_current, order_changes_recent, orders_live) instead of a run',
  },
  quiet: { type: 'boolean', description: 'no progress lines on stderr', defaultText: 'off' },
  help: HELP_FLAG,
  version: VERSION_FLAG,
} as const satisfies FlagTable;

/**
 * The `--help` text.
 *
 * @returns usage, every flag with its default, exit codes and notes, for stdout
 */
export function localHelp(): string {
  return renderHelp({
    usage: ['npm run local -- [options]', 'npm run local -- --sql "<query>" [--out <dir>]'],
    description: [
      'Runs the whole sales pipeline on this machine: DynamoDB (dynalite) -> stream records -> Pipes ->\n' +
        'Kinesis -> Firehose + the real transform -> a gzipped, Hive-partitioned lake, merged after each slice into\n' +
        'orders_current (and the low-latency path into recent/) -> schema inference -> the Athena named queries and\n' +
        'orders_live on DuckDB. Results on stdout, progress on stderr, summary.json in --out.',
    ],
    flags: LOCAL_FLAGS,
    exitCodeText: { 1: 'a stage failed, or the lake or orders_current does not equal the table (see the summary)' },
    sections: [
      'With --span, every change is stamped with the simulated time of the operation that made it (created_at,\n' +
        "updated_at and the stream record alike), so the lake's day and hour partitions follow the span; a late\n" +
        "change keeps that time and arrives 1/6 to 5/6 of the pipe's maximum record age later (1 h to 5 h by default).\n" +
        '--existing cannot be combined with --start or --span.',
      '--out is refused (exit 2) when it is a file, cannot be created or written, holds files an earlier run did\n' +
        'not write (no .sales-local marker), or another run is using it (.sales-local.lock names its pid; a lock\n' +
        'whose run is gone is taken over). New results are written beside the old ones, then replace them.',
    ],
  });
}
