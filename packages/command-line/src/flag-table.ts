/**
 * The declarative flag table every CLI defines once: parsing, `--help` and the standard flags read it.
 */

/** One flag: its type and how `--help` shows it. */
export interface FlagSpec {
  /** `string` flags take a value (`--rate 5` or `--rate=5`); `boolean` flags take none. */
  readonly type: 'string' | 'boolean';
  /** Placeholder shown in `--help` for a string flag, e.g. `n` in `--rate <n>`. @defaultValue 'value' */
  readonly value?: string;
  /** One line for `--help`. */
  readonly description: string;
  /** The default as shown in `--help`. @defaultValue - no default is shown */
  readonly defaultText?: string;
  /** A one-letter alias, without the dash, e.g. `h` for `-h`. @defaultValue - no alias */
  readonly short?: string;
}

/** A CLI's flags by long name (without dashes), in `--help` order. */
export type FlagTable = Readonly<Record<string, FlagSpec>>;

/** The values parsing returns for a table: a string or a boolean per given flag. */
export type FlagValues<T extends FlagTable> = {
  -readonly [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string;
};

/** `-h, --help`, for every CLI's table. */
export const HELP_FLAG = {
  type: 'boolean',
  short: 'h',
  description: 'show this help and exit',
} as const satisfies FlagSpec;

/** `--version`, for the published bins' tables. */
export const VERSION_FLAG = { type: 'boolean', description: 'print the version and exit' } as const satisfies FlagSpec;

/**
 * How a flag is written in messages and help: `--rate`.
 *
 * @param name - The long name, without dashes.
 * @returns The name with two leading dashes.
 */
export function flagName(name: string): string {
  return `--${name}`;
}
