/**
 * Writing to stdout with backpressure, so large dry runs neither buffer unboundedly nor get cut off.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes text and waits for the stream to drain when its buffer is full.
 *
 * @param stream - Usually `process.stdout`.
 * @param text - What to write.
 * @returns When the stream can take more.
 */
export async function writeText(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}
