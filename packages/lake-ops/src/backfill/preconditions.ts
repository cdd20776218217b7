/**
 * The checks a backfill makes before it writes (after `checkPipelineLake`): the stream started before the fence,
 * point-in-time recovery covers the export time.
 */
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { PreconditionError } from '../precondition-error.js';

/** What the table says about itself. */
export interface TableFacts {
  readonly tableArn: string;
  /** When the table's current stream was created, in µs; `undefined` when it has no enabled stream. */
  readonly streamCreatedMicros: number | undefined;
}

/**
 * Reads the table's ARN and its stream's creation time (`LatestStreamLabel`, a timestamp).
 *
 * @param client - DynamoDB client.
 * @param table - Table name.
 * @returns The facts.
 * @throws The SDK's `ResourceNotFoundException` when the table does not exist (told by `reportAwsError`).
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html (LatestStreamLabel)
 */
export async function describeTable(client: DynamoDBClient, table: string): Promise<TableFacts> {
  // A missing table throws the SDK's ResourceNotFoundException: `reportAwsError` names --table and the endpoint.
  const description: TableDescription | undefined = (await client.send(new DescribeTableCommand({ TableName: table })))
    .Table;
  const enabled = description?.StreamSpecification?.StreamEnabled === true;
  const label = description?.LatestStreamLabel;
  const created = enabled && label !== undefined ? Date.parse(label.endsWith('Z') ? label : `${label}Z`) : Number.NaN;
  return {
    tableArn: description?.TableArn ?? table,
    streamCreatedMicros: Number.isFinite(created) ? created * 1000 : undefined,
  };
}

/**
 * Checks that change capture started at or before the fence, so the lake can hold every change from the fence on.
 *
 * @param table - Table name, for the message.
 * @param capturedSinceMicros - The stream's creation (or `--stream-since`), µs; `undefined` for no stream.
 * @param fenceMicros - The fence.
 * @throws {@link PreconditionError} when there is no stream or it started after the fence.
 */
export function checkStream(table: string, capturedSinceMicros: number | undefined, fenceMicros: number): void {
  if (capturedSinceMicros === undefined) {
    throw new PreconditionError(
      `table ${table} has no enabled stream: deploy the pipeline first (changes after the snapshot would be lost); for an endpoint without DynamoDB Streams give --stream-since`,
    );
  }
  if (capturedSinceMicros > fenceMicros) {
    const since = new Date(capturedSinceMicros / 1000).toISOString();
    const fence = new Date(fenceMicros / 1000).toISOString();
    throw new PreconditionError(
      `the stream of ${table} started at ${since}, after the snapshot's fence ${fence}: changes between them would be lost; wait until the fence is past ${since} (or lower --fence-margin-seconds)`,
    );
  }
}

/**
 * Checks point-in-time recovery and picks the export time: the one asked for, which must lie inside the restorable
 * window, or the latest restorable time.
 *
 * @param client - DynamoDB client.
 * @param table - Table name.
 * @param exportAtSeconds - `--export-at`, whole seconds; `undefined` for the latest restorable time.
 * @returns The export time in whole seconds.
 * @throws {@link PreconditionError} when PITR is off or the time is outside the window.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoveryDescription.html
 */
export async function checkPointInTimeRecovery(
  client: DynamoDBClient,
  table: string,
  exportAtSeconds: number | undefined,
): Promise<number> {
  const backups = await client.send(new DescribeContinuousBackupsCommand({ TableName: table }));
  const pitr = backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
  if (
    pitr?.PointInTimeRecoveryStatus !== 'ENABLED' ||
    pitr.EarliestRestorableDateTime === undefined ||
    pitr.LatestRestorableDateTime === undefined
  ) {
    throw new PreconditionError(
      `point-in-time recovery is not enabled on ${table}: an export needs it (enable it, or use --source scan)`,
    );
  }
  const earliest = Math.ceil(pitr.EarliestRestorableDateTime.getTime() / 1000);
  const latest = Math.floor(pitr.LatestRestorableDateTime.getTime() / 1000);
  const at = exportAtSeconds ?? latest;
  if (at < earliest || at > latest) {
    const iso = (s: number): string => new Date(s * 1000).toISOString();
    throw new PreconditionError(
      `--export-at ${iso(at)} is outside the restorable window of ${table}, ${iso(earliest)} to ${iso(latest)}`,
    );
  }
  return at;
}
