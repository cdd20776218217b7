import { resolveSetting } from '../defaults/check-range';
import { FIREHOSE_DEFAULTS, PROCESSOR_DEFAULTS } from '../defaults/firehose-defaults';
import { DATA_PREFIX, ERROR_PREFIX } from '../lake/lake-layout';
import { SETTINGS } from '../registry/settings-registry';
import type { PolicyStatement } from '../types';
import { keyUseStatement } from './key-use-statement';

/** Settings of the Lambda processor. */
export interface ProcessorSettings {
  /** Function ARN with qualifier, e.g. `<arn>:$LATEST`. */
  readonly lambdaArn: string;
  /** Data per invocation, in MB. Limits: {@link SETTINGS.lambdaBufferSizeMB}. */
  readonly bufferSizeMB: number;
  /** Longest wait before an invocation, in seconds. Limits: {@link SETTINGS.lambdaBufferIntervalSeconds}. */
  readonly bufferIntervalSeconds: number;
  /** Retries of a failed invocation. Limits: `FIREHOSE_DEFAULTS.numberOfRetries`. @defaultValue - Firehose's default, `PROCESSOR_DEFAULTS.NumberOfRetries` */
  readonly numberOfRetries?: number;
}

/**
 * The Lambda processor's parameters, leaving out every value equal to Firehose's default: Terraform
 * does not store defaults in state, so declaring them shows a change on every plan.
 *
 * @param settings - the processor settings
 * @returns `LambdaArn` plus only the non-default parameters, in a stable order
 * @throws Error when a value is out of Firehose's range (the response must stay under 6 MB, so at most 3 MB in)
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 * @example
 * ```ts
 * processorParameters({ lambdaArn: 'arn:...:function:f:$LATEST', bufferSizeMB: 1, bufferIntervalSeconds: 5 });
 * //=> [{ parameterName: 'LambdaArn', parameterValue: 'arn:...:function:f:$LATEST' },
 * //    { parameterName: 'BufferIntervalInSeconds', parameterValue: '5' }]
 * ```
 */
export function processorParameters(settings: ProcessorSettings): { parameterName: string; parameterValue: string }[] {
  const { bufferSizeMB } = settings;
  const sizeLimits = SETTINGS.lambdaBufferSizeMB;
  if (!(bufferSizeMB >= sizeLimits.min && bufferSizeMB <= sizeLimits.max)) {
    throw new Error(
      `lambdaBufferSizeMB must be between ${sizeLimits.min} and ${sizeLimits.max}, received ${bufferSizeMB}`,
    );
  }
  const bufferIntervalSeconds = resolveSetting(
    'lambdaBufferIntervalSeconds',
    settings.bufferIntervalSeconds,
    SETTINGS.lambdaBufferIntervalSeconds,
  );
  const retries = resolveSetting('numberOfRetries', settings.numberOfRetries, FIREHOSE_DEFAULTS.numberOfRetries);
  const candidates: [keyof typeof PROCESSOR_DEFAULTS, number][] = [
    ['BufferSizeInMBs', bufferSizeMB],
    ['BufferIntervalInSeconds', bufferIntervalSeconds],
    ['NumberOfRetries', retries],
  ];
  return [
    { parameterName: 'LambdaArn', parameterValue: settings.lambdaArn },
    ...candidates
      .filter(([name, value]) => value !== PROCESSOR_DEFAULTS[name])
      .map(([name, value]) => ({ parameterName: name, parameterValue: String(value) })),
  ];
}

/** ARNs the delivery stream's role is scoped to. */
export interface DeliveryResources {
  /** The Kinesis stream Firehose reads. */
  readonly streamArn: string;
  /** The transform function (unqualified ARN). */
  readonly functionArn: string;
  /** The lake bucket. */
  readonly bucketArn: string;
  /** The pipeline key (stream and bucket encryption). */
  readonly kmsKeyArn: string;
  /** Firehose's error log group. */
  readonly logGroupArn: string;
  /** The stack's region: the key is used through this region's Kinesis and S3 only. */
  readonly region: string;
  /** The lake prefixes the stream writes (its data and error prefixes). @defaultValue - `sales/` and `errors/` */
  readonly writePrefixes?: readonly string[];
}

/**
 * What a delivery stream's role may do: read the stream, invoke the transform, write its data and error
 * prefixes of the lake (nothing else in the bucket), decrypt the stream through Kinesis and use the key through S3
 * only, write its log group.
 *
 * @param r - the ARNs (tokens)
 * @returns the statements
 * @see https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html
 */
export function deliveryStatements(r: DeliveryResources): PolicyStatement[] {
  return [
    {
      sid: 'ReadChangeStream',
      actions: [
        'kinesis:DescribeStream',
        'kinesis:DescribeStreamSummary',
        'kinesis:GetShardIterator',
        'kinesis:GetRecords',
        'kinesis:ListShards',
      ],
      resources: [r.streamArn],
    },
    {
      sid: 'InvokeTransform',
      actions: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'],
      resources: [r.functionArn, `${r.functionArn}:*`],
    },
    {
      sid: 'LocateLakeBucket',
      actions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
      resources: [r.bucketArn],
    },
    {
      sid: 'WriteLakeObjects',
      actions: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
      resources: (r.writePrefixes ?? [DATA_PREFIX, ERROR_PREFIX]).map((prefix) => `${r.bucketArn}/${prefix}*`),
    },
    keyUseStatement('DecryptChangeStream', ['kms:Decrypt'], r.kmsKeyArn, r.region, ['kinesis']),
    keyUseStatement('UseKeyForLake', ['kms:Decrypt', 'kms:GenerateDataKey'], r.kmsKeyArn, r.region, ['s3']),
    { sid: 'WriteOwnLogs', actions: ['logs:PutLogEvents'], resources: [`${r.logGroupArn}:*`] },
  ];
}
