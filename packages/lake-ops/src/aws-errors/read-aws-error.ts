/**
 * readAwsError: finds the AWS answer in a thrown error (or its causes) and says which service gave it.
 */
import { AthenaServiceException } from '@aws-sdk/client-athena';
import { CloudWatchServiceException } from '@aws-sdk/client-cloudwatch';
import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsServiceException } from '@aws-sdk/client-dynamodb-streams';
import { KinesisServiceException } from '@aws-sdk/client-kinesis';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { SQSServiceException } from '@aws-sdk/client-sqs';
import { AthenaQueryError } from '../athena/athena-query-error.js';

/** The services `sales-lake` calls; `undefined` for a transport failure before any service answered. */
export type AwsService = 'DynamoDB' | 'DynamoDB Streams' | 'S3' | 'SQS' | 'Kinesis' | 'Athena' | 'CloudWatch';

/** What an AWS error says, read once. */
export interface AwsErrorFacts {
  /** The service that answered, or `undefined` for a timeout or a dropped connection. */
  readonly service: AwsService | undefined;
  /** The error code: the exception's `name` (`ResourceNotFoundException`, `NoSuchBucket`, `TimeoutError`). */
  readonly name: string;
  /** The service's message, first line only. */
  readonly message: string;
  /** S3's `BucketName`, when the error carries it (`NoSuchBucket`). */
  readonly bucket?: string | undefined;
}

/**
 * Each client's base exception. Checked by prototype (the base classes' `instanceof` also accepts an error of that
 * *name*, and no error is named after a base class), so a Kinesis `ResourceNotFoundException` is never DynamoDB's.
 */
const SERVICES: readonly [abstract new (...args: never[]) => Error, AwsService][] = [
  [DynamoDBServiceException, 'DynamoDB'],
  [DynamoDBStreamsServiceException, 'DynamoDB Streams'],
  [S3ServiceException, 'S3'],
  [SQSServiceException, 'SQS'],
  [KinesisServiceException, 'Kinesis'],
  [AthenaServiceException, 'Athena'],
  [CloudWatchServiceException, 'CloudWatch'],
];

/**
 * Transport failures the SDK gave up on after its retries.
 * @see https://github.com/smithy-lang/smithy-typescript/blob/main/packages/service-error-classification/src/constants.ts
 */
const TRANSPORT_NAMES: readonly string[] = ['TimeoutError', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE'];

/** How deep {@link readAwsError} follows `cause`. */
const MAX_CAUSES = 5;

const firstLine = (text: string): string => text.split('\n')[0]?.trim() ?? '';

function serviceOf(error: Error): AwsService | undefined {
  if (error instanceof AthenaQueryError) return 'Athena';
  return SERVICES.find(([base]) => Object.prototype.isPrototypeOf.call(base.prototype, error))?.[1];
}

/**
 * Reads the first AWS error in `error` and its `cause` chain: an exception a client threw (any of the
 * services above, modelled or not), an {@link AthenaQueryError}, or a request that timed out.
 *
 * @param error - What a command threw.
 * @returns The facts, or `undefined` when no AWS error is in the chain.
 * @example
 * ```ts
 * readAwsError(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} }));
 * //=> { service: 'DynamoDB', name: 'ResourceNotFoundException', message: 'Requested resource not found', bucket: undefined }
 * ```
 */
export function readAwsError(error: unknown): AwsErrorFacts | undefined {
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSES && current instanceof Error; depth++) {
    const service = serviceOf(current);
    const code = (current as NodeJS.ErrnoException).code;
    const name = service === undefined && code !== undefined && TRANSPORT_NAMES.includes(code) ? code : current.name;
    if (service !== undefined || TRANSPORT_NAMES.includes(name)) {
      const bucket = (current as { BucketName?: unknown }).BucketName;
      return {
        service,
        name,
        message: firstLine(current.message),
        bucket: typeof bucket === 'string' ? bucket : undefined,
      };
    }
    current = current.cause;
  }
  return undefined;
}
