/**
 * openLake: `--lake DIR|s3://bucket/prefix` to a {@link LakeStore}.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { createAwsClient, UsageError } from '@sales/command-line';
import { resolve } from 'node:path';
import type { LakeStore } from './lake-store.js';
import { LocalLakeStore } from './local-lake-store.js';
import { S3LakeStore } from './s3-lake-store.js';

const S3_URL = /^s3:\/\/([^/]+)\/?(.*)$/;

/**
 * Opens the lake a `--lake` value names: `s3://bucket` or `s3://bucket/prefix` for the lake bucket, anything
 * else for a local folder (relative to `cwd`).
 *
 * @param value - The `--lake` value.
 * @param cwd - The folder a relative path is resolved against.
 * @param s3 - Makes the S3 client, only when the value is an S3 URL. @defaultValue a client from the standard chain
 * @returns The store.
 * @throws {@link UsageError} for an empty value or an S3 URL without a bucket.
 * @example
 * ```ts
 * openLake('s3://sales-dev-lake', '/repo').location; //=> 's3://sales-dev-lake/'
 * openLake('.local', '/repo').location;              //=> '/repo/.local'
 * ```
 */
export function openLake(
  value: string,
  cwd: string,
  s3: () => S3Client = () => createAwsClient(S3Client, { kind: 'transfer' }),
): LakeStore {
  if (value.trim() === '') throw new UsageError('--lake must be a folder or s3://bucket/prefix, received ""');
  if (value.startsWith('s3:')) {
    const match = S3_URL.exec(value);
    if (match === null || match[1] === undefined || match[1] === '') {
      throw new UsageError(`--lake must be s3://bucket or s3://bucket/prefix, received "${value}"`);
    }
    const prefix = match[2] ?? '';
    return new S3LakeStore(s3(), match[1], prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`);
  }
  return new LocalLakeStore(resolve(cwd, value));
}
