/** Where a run reports what it is doing. */
export interface Progress {
  /** A stage starts. */
  start(stage: string): void;
  /** A long stage is under way; `detail` gives its counts so far (called often: reporters throttle). */
  update(stage: string, detail: string): void;
  /** A stage ended; `detail` says what it did. */
  done(stage: string, detail: string, ms: number): void;
  /** A stage failed; `reason` names the cause. */
  fail(stage: string, reason: string, ms: number): void;
}

/** Progress that says nothing (`--quiet`, tests). */
export const SILENT_PROGRESS: Progress = {
  start: () => undefined,
  update: () => undefined,
  done: () => undefined,
  fail: () => undefined,
};

/** Plain-line progress repeats a long stage's counts at most this often. */
export const LINE_UPDATE_INTERVAL_MS = 10_000;
/** A terminal's live line is redrawn at most this often. */
const TERMINAL_UPDATE_INTERVAL_MS = 250;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const doneLine = (stage: string, detail: string, ms: number) => `✓ ${stage.padEnd(18)} ${detail} (${seconds(ms)})`;
const failLine = (stage: string, reason: string, ms: number) =>
  `✗ ${stage.padEnd(18)} FAILED: ${reason} (${seconds(ms)})`;

/**
 * Progress for a terminal: `… stage counts` while it runs, replaced in place by `✓ stage detail (time)`.
 *
 * @param stream - a TTY stream, normally `process.stderr`
 * @param now - clock for throttling. @defaultValue performance.now
 * @returns the progress reporter
 */
export function terminalProgress(stream: NodeJS.WritableStream, now: () => number = () => performance.now()): Progress {
  let last = -Infinity;
  return {
    start: (stage) => void stream.write(`… ${stage}`),
    update: (stage, detail) => {
      if (now() - last < TERMINAL_UPDATE_INTERVAL_MS) return;
      last = now();
      stream.write(`\r\x1b[2K… ${stage.padEnd(18)} ${detail}`);
    },
    done: (stage, detail, ms) => void stream.write(`\r\x1b[2K${doneLine(stage, detail, ms)}\n`),
    fail: (stage, reason, ms) => void stream.write(`\r\x1b[2K${failLine(stage, reason, ms)}\n`),
  };
}

/**
 * Progress for a pipe or a log file: no animation; a long stage's counts every {@link LINE_UPDATE_INTERVAL_MS},
 * then one line per finished stage.
 *
 * @param stream - normally `process.stderr` when it is not a TTY
 * @param now - clock for throttling. @defaultValue performance.now
 * @returns the progress reporter
 */
export function lineProgress(stream: NodeJS.WritableStream, now: () => number = () => performance.now()): Progress {
  let last = 0;
  return {
    // A stage's first count line comes one interval after its start.
    start: () => {
      last = now();
    },
    update: (stage, detail) => {
      if (now() - last < LINE_UPDATE_INTERVAL_MS) return;
      last = now();
      stream.write(`… ${stage.padEnd(18)} ${detail}\n`);
    },
    done: (stage, detail, ms) => void stream.write(`${doneLine(stage, detail, ms)}\n`),
    fail: (stage, reason, ms) => void stream.write(`${failLine(stage, reason, ms)}\n`),
  };
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
