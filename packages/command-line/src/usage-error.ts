/**
 * UsageError: the one error type for a bad command line, printed the same way by every CLI.
 */

/**
 * A bad flag, a bad value or a bad combination. The message names the flag and shows the value received;
 * {@link formatUsageError} adds the program name and the pointer to `--help`. CLIs exit {@link ExitCode.usage}.
 *
 * @example
 * ```ts
 * formatUsageError('sales-generator', new UsageError('--rate must be a positive number, received "-5"'));
 * //=> 'sales-generator: --rate must be a positive number, received "-5" (see --help)\n'
 * ```
 */
export class UsageError extends Error {
  /**
   * @param message - What is wrong, naming the flag and quoting the value received, without the program name.
   * @param options - `cause`: the underlying error, e.g. the one `parseArgs` threw.
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/**
 * The one line a CLI prints to stderr for a usage error.
 *
 * @param bin - The program name, e.g. `sales-generator`.
 * @param error - The usage error.
 * @returns `<bin>: <message> (see --help)` and a newline.
 */
export function formatUsageError(bin: string, error: UsageError): string {
  return `${bin}: ${error.message} (see --help)\n`;
}
