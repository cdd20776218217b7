/** Where a run reports what it is doing. */
export interface Progress {
  /** A stage starts. */
  start(stage: string): void;
  /** A stage ended; `detail` says what it did. */
  done(stage: string, detail: string, ms: number): void;
}

/** Progress that says nothing (tests, `--quiet`, or stderr not a terminal). */
export const SILENT_PROGRESS: Progress = { start: () => undefined, done: () => undefined };

/**
 * Progress lines on a terminal: `… stage` while it runs, replaced by `✓ stage  detail  (time)`.
 *
 * @param stream - a TTY stream, normally `process.stderr`
 * @returns the progress reporter
 */
export function terminalProgress(stream: NodeJS.WriteStream): Progress {
  return {
    start: (stage) => void stream.write(`… ${stage}`),
    done: (stage, detail, ms) => void stream.write(`\r\x1b[2K✓ ${stage.padEnd(22)} ${detail} (${(ms / 1000).toFixed(2)} s)\n`),
  };
}
