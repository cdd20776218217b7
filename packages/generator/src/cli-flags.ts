/**
 * The CLI's flags: one table drives parsing (`node:util` parseArgs) and `--help`.
 */

/** One flag's definition. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  /** Placeholder shown in `--help`, for string flags. */
  readonly value?: string;
  readonly description: string;
  /** Default as shown in `--help`. */
  readonly defaultText?: string;
}

/** Every flag of `sales-generator`, in `--help` order. */
export const FLAGS = {
  table: { type: 'string', value: 'name', description: 'DynamoDB table to write to (required unless --dry-run)' },
  region: { type: 'string', value: 'region', description: 'AWS region', defaultText: 'AWS_REGION / profile; us-east-1 with --endpoint' },
  endpoint: { type: 'string', value: 'url', description: 'DynamoDB-compatible endpoint, e.g. http://127.0.0.1:4567', defaultText: 'the AWS regional endpoint' },
  'create-table': { type: 'boolean', description: 'create the table with the shared key schema if it is missing', defaultText: 'off' },
  rate: { type: 'string', value: 'n', description: 'operations per second, held steadily (max 100000)', defaultText: '10' },
  count: { type: 'string', value: 'n', description: 'operations in all: puts, updates and deletes together', defaultText: '100 (unless --duration)' },
  duration: { type: 'string', value: 'seconds', description: 'run for this long instead: count = floor(duration * rate)' },
  concurrency: { type: 'string', value: 'n', description: 'requests in flight at most (1-256)', defaultText: '4' },
  'batch-size': { type: 'string', value: 'n', description: 'puts per BatchWriteItem (1-25; 1 = PutItem each)', defaultText: '25' },
  ratios: { type: 'string', value: 'spec', description: 'relative weights, e.g. put=6,update=3,delete=1 (put > 0)', defaultText: 'put=6,update=3,delete=1' },
  seed: { type: 'string', value: 'text', description: 'seed for a reproducible run (same seed + count = same operations)', defaultText: 'random, printed in the summary' },
  'ttl-days': { type: 'string', value: 'n', description: 'write expires_at = created_at + n days (TTL attribute)', defaultText: 'no TTL attribute' },
  'dry-run': { type: 'boolean', description: 'write nothing; print the planned operations as JSON lines on stdout', defaultText: 'off' },
  quiet: { type: 'boolean', description: 'no progress line and no human summary on stderr', defaultText: 'off' },
  json: { type: 'boolean', description: 'print the summary as one JSON object on stdout', defaultText: 'off' },
  help: { type: 'boolean', description: 'show this help and exit', defaultText: 'off' },
} as const satisfies Record<string, FlagSpec>;

/** Name of a flag, without the leading dashes. */
export type FlagName = keyof typeof FLAGS;

/** Raw flag values as parseArgs returns them. */
export type RawFlags = { [K in FlagName]?: (typeof FLAGS)[K]['type'] extends 'boolean' ? boolean : string };

/**
 * The `--help` text: usage, every flag with its default, exit codes and examples.
 *
 * @returns The help text, ending in a newline.
 */
export function helpText(): string {
  const rows = Object.entries(FLAGS).map(([name, spec]: [string, FlagSpec]) => {
    const left = `  --${name}${spec.value ? ` <${spec.value}>` : ''}`;
    const defaults = spec.defaultText ? ` [default: ${spec.defaultText}]` : '';
    return `${left.padEnd(28)}${spec.description}${defaults}`;
  });
  return [
    'Usage: sales-generator --table <name> [options]',
    '       sales-generator --dry-run [options]',
    '',
    'Writes realistic sales orders to DynamoDB, then moves some along their lifecycle',
    '(placed -> paid -> shipped -> delivered, or cancelled) and deletes some, at a steady rate.',
    '',
    'Options:',
    ...rows,
    '',
    'Credentials come from the standard AWS chain; with --endpoint and no credentials configured,',
    'dummy credentials are used (local emulators accept any).',
    '',
    'Exit codes: 0 all writes succeeded, 1 some writes failed or the table was unreachable,',
    '            2 usage error, 130 interrupted (Ctrl-C; in-flight writes finish first).',
    '',
    'Examples:',
    '  sales-generator --endpoint http://127.0.0.1:4567 --table orders --create-table --rate 50 --duration 60',
    '  sales-generator --dry-run --seed 42 --count 10',
    '  sales-generator --table sales-dev-orders --region eu-west-1 --rate 200 --count 10000 --json',
    '',
  ].join('\n');
}
