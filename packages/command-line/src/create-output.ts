/**
 * createOutput: stdout for data, with backpressure, that ends quietly when the reader closes the pipe.
 */
import type { Writable } from 'node:stream';

/** A data stream that knows when its reader has gone. */
export interface Output {
  /**
   * Writes text and waits until the stream has taken it.
   *
   * @returns `true` if the text was written, `false` if the reader has closed the pipe (stop producing).
   * @throws Error for a write error other than a closed pipe.
   */
  write(text: string): Promise<boolean>;
  /** `true` once the reader has closed the pipe (`EPIPE`): the command stops producing and exits quietly. */
  readonly closed: boolean;
}

const isClosedPipe = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';

/**
 * Wraps a writable stream (stdout) for primary output. A closed pipe, as in `sales-generator --dry-run | head -1`,
 * marks the output closed instead of crashing the process with an unhandled `EPIPE` error.
 *
 * @param stream - Where data goes. @defaultValue process.stdout
 * @returns The output.
 * @see https://nodejs.org/api/process.html#a-note-on-process-io
 * @example
 * ```ts
 * const output = createOutput();
 * for (const line of lines) if (!(await output.write(`${line}\n`))) break; // the reader has gone
 * ```
 */
export function createOutput(stream: Writable = process.stdout): Output {
  let closed = false;
  let failure: unknown;
  stream.on('error', (error) => {
    if (isClosedPipe(error)) closed = true;
    else failure ??= error;
  });
  return {
    get closed() {
      return closed;
    },
    write(text: string): Promise<boolean> {
      if (failure !== undefined) return Promise.reject(failure);
      if (closed) return Promise.resolve(false);
      return new Promise<boolean>((resolve, reject) => {
        stream.write(text, (error) => {
          if (error === undefined || error === null) resolve(!closed);
          else if (isClosedPipe(error)) {
            closed = true;
            resolve(false);
          } else reject(error);
        });
      });
    },
  };
}
