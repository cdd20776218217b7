/**
 * The CLI's flags: one table drives parsing (`parseFlags` from @sales/command-line) and `--help`.
 */
import { HELP_FLAG, renderHelp, VERSION_FLAG, type FlagTable, type FlagValues } from '@sales/command-line';
import { SPAN_RANGE_TEXT, START_RANGE_TEXT } from './time-span.js';

/**
 * `--start` and `--span`: simulated time. Shared with `npm run local` (`@sales/local`), which takes the same flags.
 */
export const TIME_SPAN_FLAGS = {
  start: {
    type: 'string',
    value: 'instant',
    description: `first event time, ISO-8601 UTC, e.g. 2026-11-01T00:00:00Z (${START_RANGE_TEXT})`,
    defaultText: 'now; with --span alone, now minus the span',
  },
  span: {
    type: 'string',
    value: 'duration',
    description: `spread the event times over [start, start + span), e.g. 90m, 36h, 7d (${SPAN_RANGE_TEXT})`,
    defaultText: 'no spread',
  },
} as const satisfies FlagTable;

/** Every flag of `sales-generator`, in `--help` order. */
export const FLAGS = {
  table: { type: 'string', value: 'name', description: 'DynamoDB table to write to (required unless --dry-run)' },
  region: {
    type: 'string',
    value: 'region',
    description: 'AWS region',
    defaultText: 'AWS_REGION / profile; us-east-1 with --endpoint',
  },
  endpoint: {
    type: 'string',
    value: 'url',
    description: 'DynamoDB-compatible endpoint, e.g. http://127.0.0.1:4567',
    defaultText: 'the AWS regional endpoint',
  },
  'create-table': {
    type: 'boolean',
    description: 'create the table with the shared key schema if it is missing',
    defaultText: 'off',
  },
  rate: {
    type: 'string',
    value: 'n',
    description: 'operations per second, held steadily (max 100000)',
    defaultText: '10',
  },
  count: {
    type: 'string',
    value: 'n',
    description: 'operations in all: puts, updates and deletes together',
    defaultText: '100 (unless --duration)',
  },
  duration: {
    type: 'string',
    value: 'seconds',
    description: 'run for this long instead: count = floor(duration * rate)',
  },
  concurrency: { type: 'string', value: 'n', description: 'requests in flight at most (1-256)', defaultText: '4' },
  'batch-size': {
    type: 'string',
    value: 'n',
    description: 'puts per BatchWriteItem (1-25; 1 = PutItem each)',
    defaultText: '25',
  },
  ratios: {
    type: 'string',
    value: 'spec',
    description: 'relative weights, e.g. put=6,update=3,delete=1 (put > 0)',
    defaultText: 'put=6,update=3,delete=1',
  },
  seed: {
    type: 'string',
    value: 'text',
    description: 'seed for a reproducible run (same seed + count = same operations)',
    defaultText: 'random, printed in the summary',
  },
  ...TIME_SPAN_FLAGS,
  'ttl-days': {
    type: 'string',
    value: 'n',
    description: 'write expires_at = created_at + n days (TTL attribute)',
    defaultText: 'no TTL attribute',
  },
  'give-up-after': {
    type: 'string',
    value: 'seconds',
    description: 'stop (exit 1) once the endpoint has been unreachable this long',
    defaultText: '30',
  },
  'dry-run': {
    type: 'boolean',
    description: 'write nothing; print the planned operations as JSON lines on stdout',
    defaultText: 'off',
  },
  quiet: { type: 'boolean', description: 'no progress line and no human summary on stderr', defaultText: 'off' },
  json: { type: 'boolean', description: 'print the summary as one JSON object on stdout', defaultText: 'off' },
  help: HELP_FLAG,
  version: VERSION_FLAG,
} as const satisfies FlagTable;

/** Name of a flag, without the leading dashes. */
export type FlagName = keyof typeof FLAGS;

/** Raw flag values as parsing returns them. */
export type RawFlags = FlagValues<typeof FLAGS>;

/**
 * The `--help` text: usage, every flag with its default, exit codes and examples.
 *
 * @returns The help text, ending in a newline.
 */
export function helpText(): string {
  return renderHelp({
    usage: ['sales-generator --table <name> [options]', 'sales-generator --dry-run [options]'],
    description: [
      'Writes realistic sales orders to DynamoDB, then moves some along their lifecycle\n' +
        '(placed -> paid -> shipped -> delivered, or cancelled) and deletes some, at a steady rate.',
    ],
    flags: FLAGS,
    exitCodeText: {
      1: 'some writes failed, the table was unreachable or has the wrong key schema',
      130: 'interrupted (SIGINT, Ctrl-C): in-flight writes finish, then the summary',
      143: 'terminated (SIGTERM): in-flight writes finish, then the summary',
    },
    sections: [
      'With --span, the --count operations are timestamped evenly over the span (created_at, updated_at,\n' +
        'expires_at), while --rate still paces the writes: a week of traffic can be written in a minute. The\n' +
        "table's stream still stamps each change with DynamoDB's own clock (npm run local moves that one too).",
      'Credentials come from the standard AWS chain; with --endpoint and no credentials configured,\n' +
        'dummy credentials are used (local emulators accept any).',
      [
        'Examples:',
        '  sales-generator --endpoint http://127.0.0.1:4567 --table orders --create-table --rate 50 --duration 60',
        '  sales-generator --dry-run --seed 42 --count 10',
        '  sales-generator --dry-run --count 1000 --start 2026-11-01T00:00:00Z --span 7d',
        '  sales-generator --table sales-dev-orders --region eu-west-1 --rate 200 --count 10000 --json',
      ].join('\n'),
    ],
  });
}
