/**
 * `--export`, as backfill and reconcile both check it and open it.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { UsageError } from '@sales/command-line';
import { resolve } from 'node:path';
import { exportFilesAt, validateExportLocation } from '../../src/table/export-location.js';

describe('--export', () => {
  const s3 = new S3Client({ region: 'us-east-1' });

  test.each([
    [
      's3://sales-dev-lake/exports/AWSDynamoDB/01736937011000-abcd1234/',
      's3://sales-dev-lake/exports/AWSDynamoDB/01736937011000-abcd1234/',
      'exports/AWSDynamoDB/01736937011000-abcd1234/',
    ],
    [
      's3://sales-dev-lake/exports/AWSDynamoDB/e1',
      's3://sales-dev-lake/exports/AWSDynamoDB/e1/',
      'exports/AWSDynamoDB/e1/',
    ],
    ['s3://sales-dev-lake', 's3://sales-dev-lake/', ''],
    ['exports/AWSDynamoDB/e1', resolve('exports/AWSDynamoDB/e1'), ''],
  ])('%s opens %s (key prefix "%s")', (text, location, keyPrefix) => {
    const files = exportFilesAt(validateExportLocation('--export', text), s3);

    expect(files.location).toBe(location);
    expect(files.keyPrefix).toBe(keyPrefix);
  });

  test.each([
    ['', /--export must be an export folder/],
    ['s3://', /--export must look like s3:\/\/bucket\/prefix\/AWSDynamoDB\/<id>\/, received "s3:\/\/"/],
    ['s3:///exports/', /received "s3:\/\/\/exports\/"/],
  ])('"%s" is a usage error', (text, message) => {
    expect(() => validateExportLocation('--export', text)).toThrow(UsageError);
    expect(() => validateExportLocation('--export', text)).toThrow(message);
  });
});
