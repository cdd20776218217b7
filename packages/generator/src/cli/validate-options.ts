/**
 * parseCliArgs + validateOptions: from argv to typed options, with one-line errors naming the flag. Pure.
 */
import { parseFlags, parsePositiveInteger, parsePositiveNumber, parseUrl, UsageError } from '@sales/command-line';
import { FLAGS, type RawFlags } from './cli-flags.js';
import type { OperationRatios } from '../plan/plan-types.js';
import { parseTimeSpan } from './time-span.js';

/** Validated CLI options. */
export interface CliOptions {
  readonly table?: string;
  readonly region?: string;
  readonly endpoint?: string;
  readonly createTable: boolean;
  readonly rate: number;
  readonly count: number;
  readonly concurrency: number;
  readonly batchSize: number;
  readonly ratios: OperationRatios;
  /** Undefined: the shell picks a random seed and reports it. */
  readonly seed?: string;
  readonly ttlDays?: number;
  /** `--start`, epoch ms. Undefined: now, or with `--span` alone now minus the span. */
  readonly startMs?: number;
  /** `--span` in ms: the operations' timestamps spread over [start, start + span). Undefined: no spread. */
  readonly spanMs?: number;
  /** Seconds without any answer from the endpoint after which the run stops (exit 1). */
  readonly giveUpAfterSeconds: number;
  readonly dryRun: boolean;
  readonly quiet: boolean;
  readonly json: boolean;
}

/** Outcome of parsing or validation: options, a help or version request, or a usage error message. */
export type OptionsResult =
  | { readonly kind: 'options'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Parses argv strictly with the shared flag parser (unknown flags, positionals and missing values are errors).
 * `--rate -5` is read as the value `-5`, so validation can say what is wrong with it.
 *
 * @param argv - Arguments after the script name.
 * @returns Raw flags, or an error message naming the flag.
 */
export function parseCliArgs(argv: readonly string[]): { ok: true; flags: RawFlags } | { ok: false; message: string } {
  try {
    return { ok: true, flags: parseFlags(FLAGS, argv).values };
  } catch (error) {
    if (error instanceof UsageError) return { ok: false, message: error.message };
    throw error;
  }
}

function parseRatios(text: string): OperationRatios | string {
  const ratios = { put: 0, update: 0, delete: 0 };
  for (const part of text.split(',')) {
    const match = /^\s*(put|update|delete)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match) return `--ratios must look like put=6,update=3,delete=1, received "${text}"`;
    ratios[match[1] as keyof typeof ratios] = Number(match[2]);
  }
  if (ratios.put <= 0) return `--ratios needs put > 0 (updates and deletes act on created orders), received "${text}"`;
  return ratios;
}

/**
 * Checks ranges and combinations of the parsed flags and applies defaults.
 *
 * @param flags - Output of {@link parseCliArgs}.
 * @returns Options, a help request, or the first error as one line naming the flag.
 * @example
 * ```ts
 * validateOptions({ rate: '-5', 'dry-run': true });
 * //=> { kind: 'error', message: '--rate must be a positive number, received "-5"' }
 * ```
 */
export function validateOptions(flags: RawFlags): OptionsResult {
  if (flags.help) return { kind: 'help' };
  if (flags.version) return { kind: 'version' };
  try {
    return { kind: 'options', options: checkOptions(flags) };
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'error', message: error.message };
    throw error;
  }
}

function fail(message: string): never {
  throw new UsageError(message);
}

function checkCount(flags: RawFlags, rate: number): number {
  if (flags.count !== undefined && flags.duration !== undefined)
    fail('--count and --duration cannot be combined; give one');
  if (flags.duration === undefined) return parsePositiveInteger('--count', flags.count ?? '100', 100_000_000);
  const count = Math.floor(parsePositiveNumber('--duration', flags.duration, 7 * 86_400) * rate);
  if (count < 1) fail(`--duration ${flags.duration} at --rate ${rate} plans no operation; run longer`);
  return count;
}

function checkOptions(flags: RawFlags): CliOptions {
  const dryRun = flags['dry-run'] ?? false;
  if (dryRun && flags.json) fail('--json and --dry-run both write to stdout; give one');
  const table = flags.table;
  if (table !== undefined && !/^[A-Za-z0-9_.-]{3,255}$/.test(table)) {
    fail(`--table must be 3-255 characters of letters, digits, "_", "-" or ".", received "${table}"`);
  }
  if (flags.endpoint !== undefined) parseUrl('--endpoint', flags.endpoint);
  if (flags.region !== undefined && !/^[a-z0-9-]+$/.test(flags.region))
    fail(`--region must look like eu-west-1, received "${flags.region}"`);
  const rate = parsePositiveNumber('--rate', flags.rate ?? '10', 100_000);
  const count = checkCount(flags, rate);
  const concurrency = parsePositiveInteger('--concurrency', flags.concurrency ?? '4', 256);
  const batchSize = parsePositiveInteger('--batch-size', flags['batch-size'] ?? '25', 25);
  const ratios = parseRatios(flags.ratios ?? 'put=6,update=3,delete=1');
  if (typeof ratios === 'string') fail(ratios);
  const ttlDays =
    flags['ttl-days'] === undefined ? undefined : parsePositiveInteger('--ttl-days', flags['ttl-days'], 36_500);
  const giveUpAfterSeconds = parsePositiveNumber('--give-up-after', flags['give-up-after'] ?? '30', 86_400);
  const time = parseTimeSpan(flags.start, flags.span);
  if (flags.seed !== undefined && flags.seed.length === 0) fail('--seed must not be empty');
  if (table === undefined && !dryRun) fail('--table is required (or use --dry-run)');
  return {
    ...(table === undefined ? {} : { table }),
    ...(flags.region === undefined ? {} : { region: flags.region }),
    ...(flags.endpoint === undefined ? {} : { endpoint: flags.endpoint }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    ...(ttlDays === undefined ? {} : { ttlDays }),
    ...time,
    createTable: flags['create-table'] ?? false,
    rate,
    count,
    concurrency,
    batchSize,
    ratios,
    giveUpAfterSeconds,
    dryRun,
    quiet: flags.quiet ?? false,
    json: flags.json ?? false,
  };
}
