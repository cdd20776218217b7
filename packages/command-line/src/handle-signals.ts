/**
 * handleSignals: SIGINT and SIGTERM end a run through the same clean-up and summary path.
 */
import { ExitCode } from './exit-code.js';

/** The signals a CLI drains on, with the exit code each ends in. */
const SIGNAL_EXIT_CODES = { SIGINT: ExitCode.interrupted, SIGTERM: ExitCode.terminated } as const;

/** A signal {@link handleSignals} listens to. */
export type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;

/** Options of {@link handleSignals}. */
export interface HandleSignalsOptions {
  /** The program name, for the notice on stderr. */
  readonly bin: string;
  /** What the command does before exiting, for the notice, e.g. `finishing in-flight writes`. */
  readonly draining: string;
  /** Called once, on the first signal, after `signal` is aborted (e.g. to kill child processes). @defaultValue - nothing */
  readonly onSignal?: (signal: HandledSignal) => void;
  /** Where the notice goes. @defaultValue process.stderr */
  readonly stderr?: { write(text: string): unknown };
  /** Ends the process at once on a second signal. @defaultValue process.exit */
  readonly exit?: (code: number) => void;
}

/** What {@link handleSignals} returns. */
export interface SignalHandling {
  /** Aborted on the first signal, with the signal name as `reason`: stop starting work, drain, summarize. */
  readonly signal: AbortSignal;
  /** 130 after SIGINT, 143 after SIGTERM, `undefined` while no signal came: the run's exit code wins over others. */
  exitCode(): ExitCode | undefined;
  /** Removes the listeners (call in `finally`). */
  dispose(): void;
}

/**
 * Listens for SIGINT and SIGTERM. The first one aborts {@link SignalHandling.signal} and prints one notice
 * to stderr; the command drains, prints its summary and returns {@link SignalHandling.exitCode}. A second
 * signal exits at once with the first one's code (clig "Signals").
 *
 * @param options - Program name, what draining means, optional hook and stream.
 * @returns The abort signal, the exit code once signalled, and `dispose`.
 * @see https://clig.dev/#signals-and-control-characters
 * @example
 * ```ts
 * const signals = handleSignals({ bin: 'sales-generator', draining: 'finishing in-flight writes' });
 * try { await run({ signal: signals.signal }); } finally { signals.dispose(); }
 * process.exitCode = signals.exitCode() ?? ExitCode.ok;
 * ```
 */
export function handleSignals(options: HandleSignalsOptions): SignalHandling {
  const controller = new AbortController();
  const stderr = options.stderr ?? process.stderr;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let received: HandledSignal | undefined;
  const listener = (signal: HandledSignal): void => {
    if (received !== undefined) {
      exit(SIGNAL_EXIT_CODES[received]);
      return;
    }
    received = signal;
    const again = signal === 'SIGINT' ? 'Ctrl-C again' : 'signal again';
    stderr.write(
      `\n${options.bin}: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'} (${signal}); ${options.draining} (${again} to exit now)\n`,
    );
    controller.abort(signal);
    options.onSignal?.(signal);
  };
  const onSigint = (): void => listener('SIGINT');
  const onSigterm = (): void => listener('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  return {
    signal: controller.signal,
    exitCode: () => (received === undefined ? undefined : SIGNAL_EXIT_CODES[received]),
    dispose: () => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
    },
  };
}
