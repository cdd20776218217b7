/** Where a run reports what it is doing. */
export interface Progress {
  /** A stage starts. */
  start(stage: string): void;
  /** A stage ended; `detail` says what it did. */
  done(stage: string, detail: string, ms: number): void;
}

/** Progress that says nothing (`--quiet`, tests). */
export const SILENT_PROGRESS: Progress = { start: () => undefined, done: () => undefined };

const doneLine = (stage: string, detail: string, ms: number) => `✓ ${stage.padEnd(18)} ${detail} (${(ms / 1000).toFixed(2)} s)`;

/**
 * Progress for a terminal: `… stage` while it runs, replaced in place by `✓ stage detail (time)`.
 *
 * @param stream - a TTY stream, normally `process.stderr`
 * @returns the progress reporter
 */
export function terminalProgress(stream: NodeJS.WritableStream): Progress {
  return {
    start: (stage) => void stream.write(`… ${stage}`),
    done: (stage, detail, ms) => void stream.write(`\r\x1b[2K${doneLine(stage, detail, ms)}\n`),
  };
}

/**
 * Progress for a pipe or a log file: one plain line per finished stage, no animation.
 *
 * @param stream - normally `process.stderr` when it is not a TTY
 * @returns the progress reporter
 */
export function lineProgress(stream: NodeJS.WritableStream): Progress {
  return { start: () => undefined, done: (stage, detail, ms) => void stream.write(`${doneLine(stage, detail, ms)}\n`) };
}

/**
 * Pick the reporter for a stream: silent when quiet, animated on a TTY, plain lines otherwise.
 *
 * @param stream - where progress goes, normally `process.stderr`
 * @param quiet - `--quiet`
 * @returns the progress reporter
 */
export function progressFor(stream: NodeJS.WriteStream, quiet: boolean): Progress {
  if (quiet) return SILENT_PROGRESS;
  return stream.isTTY ? terminalProgress(stream) : lineProgress(stream);
}
