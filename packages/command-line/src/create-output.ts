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

/** `EPIPE`: the reader closed the pipe; `ERR_STREAM_DESTROYED`: a write after that, on the stream Node destroyed. */
const isClosedPipe = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
};

/** One output per stream, so one listener per stream however often a command asks. */
const outputs = new WeakMap<Writable, Output>();

/**
 * Wraps a writable stream (stdout) for primary output. A closed pipe, as in `sales-generator --dry-run | head -1`,
 * marks the output closed instead of crashing the process with an unhandled `EPIPE` error. From the first call on,
 * the stream has that listener, so a plain `stream.write` elsewhere no longer crashes the process either; every call
 * for one stream returns the same output.
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
  let output = outputs.get(stream);
  if (output === undefined) {
    output = wrap(stream);
    outputs.set(stream, output);
  }
  return output;
}

function wrap(stream: Writable): Output {
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
