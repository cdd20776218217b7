/**
 * Where an export's files are read from: the export folder `…/AWSDynamoDB/<ExportId>/` in S3, or a local copy.
 */
import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** The files of one export, by key relative to its folder (`manifest-summary.json`, `data/….json.gz`). */
export interface ExportFiles {
  /** The folder, for messages: `s3://bucket/prefix/AWSDynamoDB/<id>/` or a local path. */
  readonly location: string;
  /** The folder's key prefix in its bucket (`''` for a local copy), to check the manifest's absolute keys against. */
  readonly keyPrefix: string;
  /**
   * Opens one file as a byte stream.
   *
   * @param key - Key relative to the export folder.
   * @returns The stream, or `undefined` when there is no such file.
   */
  open(key: string): Promise<Readable | undefined>;
}

/**
 * The export folder in S3, read with GetObject.
 *
 * @param client - The S3 client.
 * @param bucket - The bucket the export was written to.
 * @param keyPrefix - `<S3Prefix>/AWSDynamoDB/<ExportId>/`, ending in `/`.
 * @returns The files.
 */
export function s3ExportFiles(client: S3Client, bucket: string, keyPrefix: string): ExportFiles {
  return {
    location: `s3://${bucket}/${keyPrefix}`,
    keyPrefix,
    async open(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyPrefix + key }));
        return object.Body as Readable | undefined;
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
  };
}

/**
 * A local copy of an export folder (tests, and exports downloaded with `aws s3 sync`).
 *
 * @param folder - The folder holding `manifest-summary.json`.
 * @returns The files.
 */
export function localExportFiles(folder: string): ExportFiles {
  return {
    location: folder,
    keyPrefix: '',
    async open(key) {
      const path = join(folder, key);
      try {
        await access(path);
      } catch {
        return undefined;
      }
      return createReadStream(path);
    },
  };
}
