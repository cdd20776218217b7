/**
 * The requests AWS services make with the caller's credentials on behalf of one call: S3 using the bucket's KMS key,
 * DynamoDB writing an export, Athena reading the catalog and the tables' objects, committing an Iceberg write, and
 * writing its results.
 */
import {
  CURRENT_TABLE_NAME,
  currentStateLocation,
  MERGE_LOG_TABLE_NAME,
  TOMBSTONE_TABLE_NAME,
} from '@sales/pipeline-spec';
import { request, type IamRequest } from './iam-request';
import type { CatalogTable, StackFacts } from './stack-facts';

const s3Arn = (bucket: string, key?: string) =>
  key === undefined ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/${key}`;

/** `s3://bucket/prefix/` to its bucket and prefix. */
export function splitS3Url(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (match === null) throw new Error(`not an s3:// location: ${url}`);
  return { bucket: match[1]!, prefix: match[2] ?? '' };
}

/**
 * SSE-KMS with the bucket's default key (bucket key on): S3 calls KMS with the caller's rights, through S3, with the
 * bucket's ARN as encryption context.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#require-sse-kms
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html (encryption context: the bucket ARN)
 */
export function s3KeyUse(
  f: StackFacts,
  action: 'kms:Decrypt' | 'kms:GenerateDataKey',
  bucket: string,
  cause: string,
): IamRequest {
  return request(action, f.kmsKeyArn, `${cause} (SSE-KMS)`, {
    'kms:ViaService': `s3.${f.account.region}.amazonaws.com`,
    'kms:EncryptionContext:aws:s3:arn': s3Arn(bucket),
  });
}

/** Reading and writing one object, with its key use. */
export const readObject = (f: StackFacts, bucket: string, key: string, cause: string): IamRequest[] => [
  request('s3:GetObject', s3Arn(bucket, key), cause),
  s3KeyUse(f, 'kms:Decrypt', bucket, cause),
];
export const writeObject = (f: StackFacts, bucket: string, key: string, cause: string): IamRequest[] => [
  request('s3:PutObject', s3Arn(bucket, key), cause),
  s3KeyUse(f, 'kms:GenerateDataKey', bucket, cause),
];

/** The export's `S3SseAlgorithm` and `S3SseKmsKeyId`, as the request names them. */
export interface ExportEncryption {
  readonly algorithm: 'KMS' | 'AES256' | undefined;
  readonly kmsKeyId: string | undefined;
}

/**
 * The SSE headers of the export's writes: DynamoDB asks S3 for the encryption the request names (`KMS` →
 * `aws:kms` with the key id, if any; `AES256`); none when it names none.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExportTableToPointInTime.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html
 */
export function exportSseHeaders(encryption: ExportEncryption): Record<string, string> {
  if (encryption.algorithm === undefined) return {};
  if (encryption.algorithm === 'AES256') return { 's3:x-amz-server-side-encryption': 'AES256' };
  return {
    's3:x-amz-server-side-encryption': 'aws:kms',
    ...(encryption.kmsKeyId === undefined
      ? {}
      : { 's3:x-amz-server-side-encryption-aws-kms-key-id': encryption.kmsKeyId }),
  };
}

/**
 * An export writes with the caller's rights: `s3:PutObject` (with the SSE headers the request names),
 * `s3:AbortMultipartUpload`, `s3:PutObjectAcl` under the prefix, SSE-KMS with the key.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport_Requesting.html
 */
export function exportWrites(
  f: StackFacts,
  bucket: string,
  prefix: string,
  cause: string,
  encryption: ExportEncryption,
): IamRequest[] {
  const key = `${prefix}AWSDynamoDB/01767225600000-a1b2c3d4/data/aaaa7ome3s7a5gqn2mu3ogtq.json.gz`;
  const by = `${cause} → DynamoDB writes the export`;
  return [
    request('s3:PutObject', s3Arn(bucket, key), by, exportSseHeaders(encryption)),
    s3KeyUse(f, 'kms:GenerateDataKey', bucket, by),
    request('s3:AbortMultipartUpload', s3Arn(bucket, key), `${cause} → DynamoDB writes the export`),
    request('s3:PutObjectAcl', s3Arn(bucket, key), `${cause} → DynamoDB writes the export`),
  ];
}

/** Tables a query names as `"database"."table"` (not `"alias"."column"`: the first part is the stack's database). */
const tablesIn = (sql: string, database: string): string[] => [
  ...new Set(
    [...sql.matchAll(/"([a-z0-9_]+)"\."([a-z0-9_]+)"/g)].filter((m) => m[1] === database).map((m) => `${m[1]}.${m[2]}`),
  ),
];

/** The table a DML statement writes: `MERGE INTO`, `DELETE FROM` or `INSERT INTO "database"."table"`. */
const writtenTable = (sql: string): string | undefined => {
  const match = /^(?:MERGE INTO|DELETE FROM|INSERT INTO) "([a-z0-9_]+)"\."([a-z0-9_]+)"/.exec(sql);
  return match === null ? undefined : `${match[1]}.${match[2]}`;
};

/**
 * A table of the stack as Athena resolves it: the synthesized Glue table, or, for the current-state Iceberg tables
 * the stack declares on another branch, the ARN and location their names in `@sales/pipeline-spec` give
 * (`table/<database>/<name>`, `s3://<lake>/current/<name>/`), checked against the stack's when it declares them.
 */
function tableFacts(f: StackFacts, name: string): CatalogTable {
  const [database, table] = name.split('.') as [string, string];
  const declared = f.tables[name];
  const current = [CURRENT_TABLE_NAME, TOMBSTONE_TABLE_NAME, MERGE_LOG_TABLE_NAME].includes(table)
    ? {
        arn: `arn:${f.account.partition}:glue:${f.account.region}:${f.account.accountId}:table/${database}/${table}`,
        location: `s3://${f.lakeBucket}/${currentStateLocation(table)}`,
        locationTemplate: undefined,
        catalogPartitions: false,
      }
    : undefined;
  if (
    declared !== undefined &&
    current !== undefined &&
    (declared.arn !== current.arn || declared.location !== current.location)
  )
    throw new Error(
      `the stack declares ${name} at ${declared.arn}, ${declared.location}; pipeline-spec names ${current.arn}, ${current.location}`,
    );
  const found = declared ?? current;
  if (found === undefined) throw new Error(`the query reads ${name}, which the stack does not declare`);
  return found;
}

/**
 * What Athena does with the caller's rights to commit a write to an Iceberg table: it writes data, delete and
 * metadata files under the table's location, reads the current metadata, and swaps the metadata location in Glue
 * (`glue:UpdateTable`, on the catalog, the database and the table: Glue's optimistic locking).
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html
 */
function icebergCommit(f: StackFacts, name: string, table: CatalogTable, by: string): IamRequest[] {
  const [database] = name.split('.') as [string];
  const glue = (resource: string) =>
    `arn:${f.account.partition}:glue:${f.account.region}:${f.account.accountId}:${resource}`;
  const { bucket, prefix } = splitS3Url(table.location);
  return [
    ...[glue('catalog'), glue(`database/${database}`), table.arn].map((arn) =>
      request('glue:UpdateTable', arn, `${by} (Iceberg commit)`),
    ),
    ...writeObject(f, bucket, `${prefix}data/00000-0-7d3c.parquet`, `${by} (Iceberg data file)`),
    ...writeObject(f, bucket, `${prefix}metadata/00002-4b1e.metadata.json`, `${by} (Iceberg metadata)`),
    ...readObject(f, bucket, `${prefix}metadata/00001-9a0f.metadata.json`, `${by} (Iceberg metadata)`),
  ];
}

/**
 * What Athena does with the caller's rights for one query: reads each table's definition from Glue (catalog,
 * database and table), lists and reads the table's objects (a projected table: the partition the query injects),
 * and writes the result file to the workgroup's location.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/fine-grained-access-to-glue-resources.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection.html
 */
export function athenaQueryRequests(f: StackFacts, workgroup: string, sql: string, cause: string): IamRequest[] {
  const by = `${cause} → Athena`;
  const glue = (resource: string) =>
    `arn:${f.account.partition}:glue:${f.account.region}:${f.account.accountId}:${resource}`;
  const requests: IamRequest[] = [];
  for (const name of tablesIn(sql, f.glueDatabase)) {
    const table = tableFacts(f, name);
    const [database] = name.split('.') as [string];
    for (const arn of [glue('catalog'), glue(`database/${database}`)])
      requests.push(request('glue:GetDatabase', arn, by), request('glue:GetTable', arn, by));
    requests.push(request('glue:GetTable', table.arn, by));
    if (table.catalogPartitions)
      for (const arn of [glue('catalog'), glue(`database/${database}`), table.arn])
        requests.push(request('glue:GetPartitions', arn, by));
    const injected = /"run" = '([^']+)'/.exec(sql)?.[1];
    const location =
      table.locationTemplate !== undefined && injected !== undefined
        ? table.locationTemplate.replace('${run}', injected)
        : table.location;
    const { bucket, prefix } = splitS3Url(location);
    requests.push(
      request('s3:GetBucketLocation', s3Arn(bucket), by),
      request('s3:ListBucket', s3Arn(bucket), by, { 's3:prefix': prefix }),
      ...readObject(f, bucket, `${prefix}part-0000.json.gz`, by),
    );
  }
  const written = writtenTable(sql);
  if (written !== undefined) requests.push(...icebergCommit(f, written, tableFacts(f, written), by));
  const results = splitS3Url(f.workgroups[workgroup]?.outputLocation ?? '');
  requests.push(
    request('s3:GetBucketLocation', s3Arn(results.bucket), by),
    ...writeObject(f, results.bucket, `${results.prefix}q-1.csv`, by),
  );
  return requests;
}

/** GetQueryResults: Athena reads the result file with the caller's rights. @see https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html */
export function athenaResultReads(f: StackFacts, workgroup: string, cause: string): IamRequest[] {
  const results = splitS3Url(f.workgroups[workgroup]?.outputLocation ?? '');
  return readObject(f, results.bucket, `${results.prefix}q-1.csv`, `${cause} → Athena`);
}
