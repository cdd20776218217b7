/**
 * parseCliArgs + validateOptions: from argv to typed options, with one-line errors naming the flag. Pure.
 */
import { parseArgs } from 'node:util';
import { FLAGS, type RawFlags } from './cli-flags.js';
import type { OperationRatios } from './plan-types.js';

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
  readonly dryRun: boolean;
  readonly quiet: boolean;
  readonly json: boolean;
}

/** Outcome of parsing or validation: options, a help request, or a usage error message. */
export type OptionsResult =
  | { readonly kind: 'options'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

const STRING_FLAGS = new Set(Object.entries(FLAGS).filter(([, spec]) => spec.type === 'string').map(([name]) => `--${name}`));

/**
 * Parses argv strictly (unknown flags, positionals and missing values are errors).
 * `--rate -5` is read as the value `-5`, so validation can say what is wrong with it.
 *
 * @param argv - Arguments after the script name.
 * @returns Raw flags, or an error message naming the flag.
 */
export function parseCliArgs(argv: readonly string[]): { ok: true; flags: RawFlags } | { ok: false; message: string } {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (STRING_FLAGS.has(arg) && next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else args.push(arg);
  }
  try {
    const { values } = parseArgs({ args, options: FLAGS, strict: true, allowPositionals: false });
    return { ok: true, flags: values as RawFlags };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? String(error);
    return { ok: false, message: message.replace(/\. This command.*$/, '') };
  }
}

function positiveNumber(flag: string, text: string, max: number, integer: boolean): number | string {
  const value = Number(text);
  const kind = integer ? 'a positive integer' : 'a positive number';
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    return `--${flag} must be ${kind}, received "${text}"`;
  }
  if (value > max) return `--${flag} must be at most ${max}, received "${text}"`;
  return value;
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
  const error = (message: string): OptionsResult => ({ kind: 'error', message });
  const dryRun = flags['dry-run'] ?? false;
  if (dryRun && flags.json) return error('--json and --dry-run both write to stdout; give one');
  const table = flags.table;
  if (table !== undefined && !/^[A-Za-z0-9_.-]{3,255}$/.test(table)) {
    return error(`--table must be 3-255 characters of letters, digits, "_", "-" or ".", received "${table}"`);
  }
  if (flags.endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(flags.endpoint)) {
    return error(`--endpoint must be an http(s) URL, received "${flags.endpoint}"`);
  }
  if (flags.region !== undefined && !/^[a-z0-9-]+$/.test(flags.region)) return error(`--region must look like eu-west-1, received "${flags.region}"`);
  const rate = positiveNumber('rate', flags.rate ?? '10', 100_000, false);
  if (typeof rate === 'string') return error(rate);
  if (flags.count !== undefined && flags.duration !== undefined) return error('--count and --duration cannot be combined; give one');
  let count: number | string;
  if (flags.duration !== undefined) {
    const duration = positiveNumber('duration', flags.duration, 7 * 86_400, false);
    if (typeof duration === 'string') return error(duration);
    count = Math.floor(duration * rate);
    if (count < 1) return error(`--duration ${flags.duration} at --rate ${rate} plans no operation; run longer`);
  } else count = positiveNumber('count', flags.count ?? '100', 100_000_000, true);
  if (typeof count === 'string') return error(count);
  const concurrency = positiveNumber('concurrency', flags.concurrency ?? '4', 256, true);
  if (typeof concurrency === 'string') return error(concurrency);
  const batchSize = positiveNumber('batch-size', flags['batch-size'] ?? '25', 25, true);
  if (typeof batchSize === 'string') return error(batchSize);
  const ratios = parseRatios(flags.ratios ?? 'put=6,update=3,delete=1');
  if (typeof ratios === 'string') return error(ratios);
  const ttlDays = flags['ttl-days'] === undefined ? undefined : positiveNumber('ttl-days', flags['ttl-days'], 36_500, true);
  if (typeof ttlDays === 'string') return error(ttlDays);
  if (flags.seed !== undefined && flags.seed.length === 0) return error('--seed must not be empty');
  if (table === undefined && !dryRun) return error('--table is required (or use --dry-run)');
  return {
    kind: 'options',
    options: {
      ...(table === undefined ? {} : { table }),
      ...(flags.region === undefined ? {} : { region: flags.region }),
      ...(flags.endpoint === undefined ? {} : { endpoint: flags.endpoint }),
      ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      ...(ttlDays === undefined ? {} : { ttlDays }),
      createTable: flags['create-table'] ?? false,
      rate, count, concurrency, batchSize, ratios, dryRun,
      quiet: flags.quiet ?? false, json: flags.json ?? false,
    },
  };
}
