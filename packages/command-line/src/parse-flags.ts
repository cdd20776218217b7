/**
 * parseFlags: argv -> typed flag values with `node:util` parseArgs in strict mode, every mistake a {@link UsageError}.
 */
import { parseArgs } from 'node:util';
import { flagName, type FlagTable, type FlagValues } from './flag-table.js';
import { UsageError } from './usage-error.js';

/** Options of {@link parseFlags}. */
export interface ParseFlagsOptions {
  /** How many positional arguments are allowed. @defaultValue 0 */
  readonly maxPositionals?: number;
}

/** What {@link parseFlags} returns. */
export interface ParsedFlags<T extends FlagTable> {
  readonly values: FlagValues<T>;
  readonly positionals: readonly string[];
}

/** A value that starts with a dash but is a number (`-5`, `-.5`), not a flag: validators judge it. */
const NEGATIVE_NUMBER = /^-\.?\d/;

type ParseArgsOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parseArgsOptions(table: FlagTable): ParseArgsOptions {
  const options: ParseArgsOptions = {};
  for (const [name, spec] of Object.entries(table)) {
    options[name] = spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short };
  }
  return options;
}

/**
 * Reads the tokens leniently to find the first mistake and word it the same way in every CLI, and rewrites
 * `--rate -5` as `--rate=-5` so that a negative number reaches the validator instead of Node's "ambiguous".
 */
function checkTokens(table: FlagTable, argv: readonly string[], maxPositionals: number): string[] {
  const args = [...argv];
  const joined = new Set<number>();
  const { tokens } = parseArgs({
    args,
    options: parseArgsOptions(table),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let positionals = 0;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals += 1;
      if (positionals > maxPositionals) {
        throw new UsageError(
          maxPositionals === 0
            ? `unexpected argument "${token.value}"`
            : `too many arguments, received "${token.value}"`,
        );
      }
      continue;
    }
    if (token.kind !== 'option') continue;
    const spec = table[token.name];
    if (spec === undefined || !Object.hasOwn(table, token.name)) throw new UsageError(`unknown flag ${token.rawName}`);
    const name = flagName(token.name);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${name} takes no value, received "${token.value}"`);
      continue;
    }
    if (token.value === undefined) throw new UsageError(`${name} needs a value <${spec.value ?? 'value'}>`);
    if (!token.inlineValue && token.value.startsWith('-')) {
      // A negative number, or text with whitespace (a flag never has any: `--sql "-- comment\nSELECT 1"`), is a value.
      if (!NEGATIVE_NUMBER.test(token.value) && !/\s/.test(token.value))
        throw new UsageError(`${name} needs a value <${spec.value ?? 'value'}>, received the flag "${token.value}"`);
      joined.add(token.index);
    }
  }
  return args.flatMap((arg, index) => {
    if (joined.has(index - 1)) return [];
    const token = tokens.find((candidate) => candidate.index === index);
    return joined.has(index) && token?.kind === 'option' ? [`--${token.name}=${args[index + 1]}`] : [arg];
  });
}

/**
 * Parses a command line against a flag table with `parseArgs` in strict mode. Unknown flags, missing values,
 * a flag where a value belongs, values given to boolean flags and unexpected positionals all become one
 * {@link UsageError} naming the flag; a negative number (`--rate -5`) is kept as the value, for the
 * validators to reject with the usual wording.
 *
 * @param table - The CLI's flags.
 * @param argv - The arguments after the program name.
 * @param options - How many positionals are allowed.
 * @returns The given flags' values (absent flags are `undefined`) and the positionals.
 * @throws {@link UsageError} for any mistake on the command line.
 * @example
 * ```ts
 * const FLAGS = { rate: { type: 'string', value: 'n', description: 'operations per second' } } as const;
 * parseFlags(FLAGS, ['--rate', '-5']).values;   //=> { rate: '-5' }
 * parseFlags(FLAGS, ['--rat', '5']);            // throws UsageError('unknown flag --rat')
 * ```
 */
export function parseFlags<T extends FlagTable>(
  table: T,
  argv: readonly string[],
  options: ParseFlagsOptions = {},
): ParsedFlags<T> {
  const maxPositionals = options.maxPositionals ?? 0;
  const args = checkTokens(table, argv, maxPositionals);
  try {
    const { values, positionals } = parseArgs({
      args,
      options: parseArgsOptions(table),
      strict: true,
      allowPositionals: maxPositionals > 0,
    });
    return { values: values as FlagValues<T>, positionals };
  } catch (error) {
    // Not reached for the mistakes checkTokens words; kept so that no raw parseArgs error escapes.
    const message = ((error as Error).message.split('\n')[0] ?? String(error)).replace(/\.$/, '');
    throw new UsageError(message, { cause: error });
  }
}
