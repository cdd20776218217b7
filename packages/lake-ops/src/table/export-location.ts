/**
 * `--export`: where a finished DynamoDB export is, as backfill and reconcile both take it: the flag, its check, and
 * the files it names. Written once, spread into each command's flag table.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { type FlagSpec, UsageError } from '@sales/command-line';
import { resolve } from 'node:path';
import { localExportFiles, s3ExportFiles, type ExportFiles } from './export-files.js';

/** The `--export` flag: an export folder in S3, or a local copy of one. */
export const EXPORT_FLAG = {
  type: 'string',
  value: 's3://…/AWSDynamoDB/<id>/|DIR',
  description: 'a finished point-in-time export: its folder in S3, or a local copy of that folder',
} as const satisfies FlagSpec;

/** `s3://bucket` or `s3://bucket/prefix…`: the bucket is group 1, the prefix (maybe empty) group 2. */
const S3_FOLDER = /^s3:\/\/([^/]+)(?:\/(.*))?$/;

/**
 * Checks an `--export` value: an `s3://` location must name a bucket; anything else is a local folder.
 *
 * @param flag - The flag, for the message.
 * @param text - The value given.
 * @returns The value, unchanged.
 * @throws UsageError for an empty value or an `s3://` location without a bucket.
 * @example
 * ```ts
 * validateExportLocation('--export', 's3://sales-dev-lake/exports/AWSDynamoDB/01736937011000-abcd1234/'); //=> the same
 * validateExportLocation('--export', 's3:///exports/'); // throws UsageError
 * ```
 */
export function validateExportLocation(flag: string, text: string): string {
  if (text.trim() === '')
    throw new UsageError(`${flag} must be an export folder (s3://bucket/prefix/AWSDynamoDB/<id>/ or a local folder)`);
  if (text.startsWith('s3:') && !S3_FOLDER.test(text))
    throw new UsageError(`${flag} must look like s3://bucket/prefix/AWSDynamoDB/<id>/, received "${text}"`);
  return text;
}

/**
 * The files of the export at a checked location.
 *
 * @param location - From {@link validateExportLocation}.
 * @param s3 - The S3 client, for an `s3://` location.
 * @returns The files (nothing is read yet).
 * @example
 * ```ts
 * exportFilesAt('s3://sales-dev-lake/exports/AWSDynamoDB/e1', s3).location; //=> 's3://sales-dev-lake/exports/AWSDynamoDB/e1/'
 * ```
 */
export function exportFilesAt(location: string, s3: S3Client): ExportFiles {
  const match = S3_FOLDER.exec(location);
  if (match === null) return localExportFiles(resolve(location));
  const prefix = match[2] ?? '';
  return s3ExportFiles(s3, match[1] ?? '', prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`);
}
