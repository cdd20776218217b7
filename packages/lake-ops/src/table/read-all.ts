/**
 * readAll: one small export file (a manifest) as text.
 */
import type { ExportFiles } from './export-files.js';

/**
 * Reads a whole file as UTF-8; for the manifests only (data files are streamed).
 *
 * @param files - The export folder.
 * @param key - Key relative to it.
 * @returns The text, or `undefined` when there is no such file.
 */
export async function readAll(files: ExportFiles, key: string): Promise<string | undefined> {
  const stream = await files.open(key);
  if (stream === undefined) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
