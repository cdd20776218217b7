/**
 * renderHelp: the `--help` text of every CLI, from its flag table, in one layout.
 */
import { EXIT_CODE_HELP, type ExitCode } from './exit-code.js';
import { flagName, type FlagTable } from './flag-table.js';

/** What a CLI's `--help` says besides its flags. */
export interface HelpSpec {
  /** Usage lines without the `Usage:` prefix, e.g. `sales-generator --table <name> [options]`. */
  readonly usage: readonly string[];
  /** Paragraphs saying what the command does. */
  readonly description: readonly string[];
  /** The flags. */
  readonly flags: FlagTable;
  /** The exit codes this command can end with. @defaultValue - ok, failed, usage, interrupted, terminated */
  readonly exitCodes?: readonly ExitCode[];
  /** Exit code wording that differs from the shared one. @defaultValue - the shared wording */
  readonly exitCodeText?: Partial<Record<ExitCode, string>>;
  /** Further sections (notes, examples), each printed after a blank line. @defaultValue - none */
  readonly sections?: readonly string[];
}

/** Width of the left column of the flag list. */
const FLAG_COLUMN = 28;

/**
 * One line per flag: `  -h, --help` or `      --rate <n>`, its description and `[default: …]`.
 *
 * @param flags - The flag table.
 * @returns The lines, in table order.
 */
export function renderFlagLines(flags: FlagTable): string[] {
  return Object.entries(flags).map(([name, spec]) => {
    const alias = spec.short === undefined ? '    ' : `-${spec.short}, `;
    const left = `  ${alias}${flagName(name)}${spec.type === 'string' ? ` <${spec.value ?? 'value'}>` : ''}`;
    const defaults = spec.defaultText === undefined ? '' : ` [default: ${spec.defaultText}]`;
    return `${left.padEnd(FLAG_COLUMN - 1)} ${spec.description}${defaults}`;
  });
}

/**
 * The whole `--help` text: usage, description, every flag with its default, exit codes, then extra sections.
 *
 * @param spec - What to show.
 * @returns The text, ending in a newline, for stdout.
 * @example
 * ```ts
 * renderHelp({ usage: ['tool [options]'], description: ['Does one thing.'], flags: { help: HELP_FLAG }, exitCodes: [0, 2] });
 * //=> 'Usage: tool [options]\n\nDoes one thing.\n\nOptions:\n  -h, --help …\n\nExit codes:\n  0    success\n  2    usage error…\n'
 * ```
 */
export function renderHelp(spec: HelpSpec): string {
  const codes = spec.exitCodes ?? ([0, 1, 2, 130, 143] as const);
  const [first, ...rest] = spec.usage;
  const lines = [
    `Usage: ${first ?? ''}`,
    ...rest.map((line) => `       ${line}`),
    '',
    ...spec.description.flatMap((paragraph) => [paragraph, '']),
    'Options:',
    ...renderFlagLines(spec.flags),
    '',
    'Exit codes:',
    ...codes.map((code) => `  ${String(code).padEnd(4)} ${spec.exitCodeText?.[code] ?? EXIT_CODE_HELP[code]}`),
    ...(spec.sections ?? []).flatMap((section) => ['', section]),
  ];
  return `${lines.join('\n')}\n`;
}
