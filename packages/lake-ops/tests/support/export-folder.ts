/**
 * Writes a full DynamoDB export folder (`AWSDynamoDB/<ExportId>/`) in the documented format: manifest-summary.json,
 * manifest-files.json (one JSON object per line), data/*.json.gz with one `{"Item": …}` per line.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { toDynamoJson } from '../../src/table/dynamo-json.js';

/** What {@link writeExportFolder} writes. */
export interface ExportFolderSpec {
  readonly exportId: string;
  readonly table: string;
  /** ISO time, as the summary prints it (with ms). */
  readonly exportTime: string;
  /** Items per data file, as plain objects. */
  readonly files: readonly (readonly Record<string, unknown>[])[];
  /** The export's S3 prefix. @defaultValue 'exports' */
  readonly prefix?: string;
}

/**
 * Writes the folder and returns its path (the `--export` value) and the data file keys.
 *
 * @param root - A folder standing in for the bucket.
 * @param spec - Export id, table, time, items.
 * @returns The export folder path and the data files' relative keys.
 */
export function writeExportFolder(root: string, spec: ExportFolderSpec): { folder: string; dataKeys: string[] } {
  const prefix = spec.prefix ?? 'exports';
  const folderKey = `${prefix}/AWSDynamoDB/${spec.exportId}/`;
  const folder = join(root, folderKey);
  mkdirSync(join(folder, 'data'), { recursive: true });
  const arn = `arn:aws:dynamodb:us-east-1:123456789012:table/${spec.table}`;
  const manifestLines: string[] = [];
  const dataKeys: string[] = [];
  spec.files.forEach((items, index) => {
    const name = `data/${index.toString(36).padStart(4, 'a')}7ome3s7a5gqn2mu3ogtq.json.gz`;
    // DynamoDB JSON as the export writes it: binary values base64-encoded.
    const lines = items.map((item) => {
      const image = toDynamoJson(marshall(item) as Record<string, AttributeValue>);
      return `${JSON.stringify({ Item: image })}\n`;
    });
    const body = gzipSync(lines.join(''));
    writeFileSync(join(folder, name), body);
    dataKeys.push(name);
    const md5Checksum = createHash('md5').update(body).digest('base64');
    manifestLines.push(
      JSON.stringify({
        itemCount: items.length,
        md5Checksum,
        etag: `${createHash('md5').update(body).digest('hex')}-1`,
        dataFileS3Key: folderKey + name,
      }),
    );
  });
  const itemCount = spec.files.reduce((sum, items) => sum + items.length, 0);
  writeFileSync(join(folder, 'manifest-files.json'), `${manifestLines.join('\n')}\n`);
  writeFileSync(
    join(folder, 'manifest-summary.json'),
    JSON.stringify({
      version: '2020-06-30',
      exportArn: `${arn}/export/${spec.exportId}`,
      startTime: spec.exportTime,
      endTime: spec.exportTime,
      tableArn: arn,
      tableId: '12345a12-abcd-123a-ab12-1234abc12345',
      exportTime: spec.exportTime,
      s3Bucket: 'sales-dev-lake',
      s3Prefix: prefix,
      s3SseAlgorithm: 'KMS',
      s3SseKmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/abcd',
      manifestFilesS3Key: `${folderKey}manifest-files.json`,
      billedSizeBytes: 0,
      itemCount,
      outputFormat: 'DYNAMODB_JSON',
    }),
  );
  writeFileSync(join(folder, '_started'), '');
  return { folder, dataKeys };
}
