import { HELP_FLAG, parseFlags, renderHelp, UsageError, type FlagTable } from '@sales/command-line';

/** Name the CLI uses in messages. */
export const PROGRAM = 'infra-diff';

/** Validated command-line options of `npm run infra:diff`. */
export interface InfraDiffOptions {
  /** Git ref to compare against, e.g. `origin/main`. */
  readonly base: string;
  /** Git ref to compare; `undefined` = the working tree, uncommitted changes included. @defaultValue - the working tree */
  readonly head: string | undefined;
  /** Print JSON instead of Markdown. @defaultValue false */
  readonly json: boolean;
}

/** Result of {@link parseOptions}: options to run, a request for help, or a usage error. */
export type ParsedOptions =
  | { readonly kind: 'run'; readonly options: InfraDiffOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

/** The flags of `npm run infra:diff`. */
const FLAGS = {
  base: { type: 'string', value: 'ref', description: 'git ref to compare against, e.g. origin/main (required)' },
  head: {
    type: 'string',
    value: 'ref',
    description: 'git ref to compare',
    defaultText: 'the working tree, uncommitted changes included',
  },
  json: { type: 'boolean', description: 'print JSON instead of Markdown', defaultText: 'off' },
  help: HELP_FLAG,
} as const satisfies FlagTable;

/** Usage text printed by `--help`. */
export const USAGE = renderHelp({
  usage: ['npm run infra:diff -- --base <ref> [--head <ref>] [--json]'],
  description: [
    'Synthesizes the cdktf app at two git refs, offline, and prints per stack the resources\n' +
      'added, removed and changed, flagging changes that replace a resource or lose data.',
  ],
  flags: FLAGS,
  exitCodeText: { 0: 'diff printed (changes or not)', 1: 'synth or git failed' },
  exitCodes: [0, 1, 2, 130, 143],
}).trimEnd();

function usageError(message: string): ParsedOptions {
  return { kind: 'usage-error', message: `${PROGRAM}: ${message} (see --help)` };
}

function checkRef(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '' || value.startsWith('-')) return `${flag} must be a git ref, received "${value}"`;
  return undefined;
}

/**
 * Parses and validates the command line (strict: unknown flags and stray arguments are errors).
 *
 * @param argv - the arguments after the program name
 * @returns what to do; a usage error carries the one-line message naming the flag
 * @example
 * parseOptions(['--base', 'origin/main', '--json']);
 * //=> { kind: 'run', options: { base: 'origin/main', head: undefined, json: true } }
 */
export function parseOptions(argv: readonly string[]): ParsedOptions {
  let values: { base?: string; head?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseFlags(FLAGS, argv));
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (values.help === true) return { kind: 'help' };
  if (values.base === undefined) return usageError('--base is required, e.g. --base origin/main');
  const refError = checkRef('--base', values.base) ?? checkRef('--head', values.head);
  if (refError !== undefined) return usageError(refError);
  return { kind: 'run', options: { base: values.base, head: values.head, json: values.json === true } };
}
