/**
 * The exit codes every sales-pipeline CLI uses, defined once.
 */

/**
 * Exit codes shared by every CLI (CONVENTIONS §10; 128 + signal number for signals, as shells report them).
 *
 * @see https://clig.dev/#the-basics
 * @example
 * ```ts
 * process.exitCode = ExitCode.usage; //=> 2
 * ```
 */
export const ExitCode = {
  /** Everything asked for was done. */
  ok: 0,
  /** The run finished (or stopped) but something failed; the summary says what. */
  failed: 1,
  /** Bad flag, bad value or bad combination: nothing was done. */
  usage: 2,
  /** Nothing wrong in what was judged, but some items could not be judged yet; the summary says which and when. */
  deferred: 3,
  /** Interrupted by SIGINT (Ctrl-C) after the clean-up and summary. */
  interrupted: 130,
  /** Terminated by SIGTERM after the clean-up and summary. */
  terminated: 143,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** What `--help` prints under "Exit codes", one line per code. */
export const EXIT_CODE_HELP: Readonly<Record<ExitCode, string>> = {
  0: 'success',
  1: 'the run failed or finished with failures (see the summary)',
  2: 'usage error: a bad flag or value; nothing was done',
  3: 'nothing wrong in what was judged, but some items were not judged yet (see the summary for which and when)',
  130: 'interrupted (SIGINT, Ctrl-C) after clean-up and summary',
  143: 'terminated (SIGTERM) after clean-up and summary',
};
