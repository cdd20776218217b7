/**
 * Rules AWS enforces when Terraform applies, which `terraform validate` cannot see (the provider's schema
 * accepts the value; the service API refuses it, or accepts it and then does nothing). Each rule reads the
 * synthesized (snake_case) resource block, so it judges exactly what Terraform will send, and returns one
 * message per violation naming the rule and its documentation. The policy aspect attaches them.
 */
import {
  FIREHOSE_BUFFERING_LIMITS,
  FIREHOSE_DEFAULTS,
  RESERVED_BUCKET_PREFIXES,
  RESERVED_BUCKET_SUFFIXES,
  SETTINGS,
} from '@sales/pipeline-spec';

/** A resource block as Terraform receives it (snake_case keys, nested blocks as arrays or objects). */
export type ResourceBlock = Readonly<Record<string, unknown>>;

/**
 * A nested block, which may be synthesized as an object or as a one-element list.
 *
 * @param value - the block's value in a resource block
 * @returns the block's fields, or undefined when absent
 * @example
 * ```ts
 * block([{ enabled: true }]); //=> { enabled: true }
 * ```
 */
export function block(value: unknown): Record<string, unknown> | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : undefined;
}

function blocks(value: unknown): Record<string, unknown>[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is Record<string, unknown> => typeof v === 'object' && v !== null,
  );
}

const BUFFERING = 'https://docs.aws.amazon.com/firehose/latest/dev/buffering.html';
const TRANSFORM = 'https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html';
const BUFFERING_HINTS = 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html';
const BUCKET_NAMES = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html';
const LIFECYCLE_TRANSITIONS =
  'https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html';

/**
 * Firehose buffering hints AWS accepts. With dynamic partitioning: buffer interval 60–900 s ("Zero buffering
 * feature is not available for dynamic partitioning"; intervals under 60 s are that feature) and buffer size
 * 64–128 MiB. Without it: the API's ranges, 0–900 s (0 is zero buffering) and 1–128 MiB.
 *
 * @param stream - an `aws_kinesis_firehose_delivery_stream` block
 * @returns violations
 * @see https://docs.aws.amazon.com/firehose/latest/dev/buffering.html
 * @see https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html
 * @example
 * ```ts
 * firehoseBufferViolations({ extended_s3_configuration: { buffering_interval: 0, buffering_size: 64, dynamic_partitioning_configuration: { enabled: true } } });
 * //=> ['dynamic partitioning needs buffering_interval between 60 and 900 seconds, received 0 (no zero buffering; see https://...)']
 * ```
 */
export function firehoseBufferViolations(stream: ResourceBlock): string[] {
  const s3 = block(stream['extended_s3_configuration']);
  if (s3 === undefined) return [];
  // Provider defaults when unset: 300 s and 5 MiB.
  const interval = (s3['buffering_interval'] ?? 300) as number;
  const size = (s3['buffering_size'] ?? 5) as number;
  if (block(s3['dynamic_partitioning_configuration'])?.['enabled'] !== true)
    return bufferingHintViolations(interval, size);
  const { bufferIntervalSeconds: seconds, bufferSizeMiB: mib } = SETTINGS;
  const messages: string[] = [];
  if (!(interval >= seconds.min && interval <= seconds.max)) {
    messages.push(
      `dynamic partitioning needs buffering_interval between ${seconds.min} and ${seconds.max} seconds, received ${interval} (no zero buffering; see ${BUFFERING})`,
    );
  }
  if (!(size >= mib.min && size <= mib.max))
    messages.push(
      `dynamic partitioning needs buffering_size between ${mib.min} and ${mib.max} MiB, received ${size} (see ${BUFFERING})`,
    );
  return messages;
}

/** The API's ranges of the buffering hints, for a stream without dynamic partitioning. */
function bufferingHintViolations(interval: number, size: number): string[] {
  const { intervalSeconds: seconds, sizeMiB: mib } = FIREHOSE_BUFFERING_LIMITS;
  const messages: string[] = [];
  if (!(interval >= seconds.min && interval <= seconds.max))
    messages.push(
      `buffering_interval must be between ${seconds.min} and ${seconds.max} seconds, received ${interval} (see ${BUFFERING_HINTS})`,
    );
  if (!(size >= mib.min && size <= mib.max))
    messages.push(
      `buffering_size must be between ${mib.min} and ${mib.max} MiB, received ${size} (see ${BUFFERING_HINTS})`,
    );
  return messages;
}

/** Firehose's documented range of each Lambda processor parameter. */
const PROCESSOR_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  BufferSizeInMBs: [SETTINGS.lambdaBufferSizeMB.min, SETTINGS.lambdaBufferSizeMB.max],
  BufferIntervalInSeconds: [SETTINGS.lambdaBufferIntervalSeconds.min, SETTINGS.lambdaBufferIntervalSeconds.max],
  NumberOfRetries: [FIREHOSE_DEFAULTS.numberOfRetries.min, FIREHOSE_DEFAULTS.numberOfRetries.max],
};

/**
 * Lambda processor parameters within Firehose's documented ranges: `BufferSizeInMBs` 0.2–3 (Lambda's 6 MB
 * synchronous payload limit), `BufferIntervalInSeconds` 0–900, `NumberOfRetries` 0–300, and a `LambdaArn`.
 *
 * @param stream - an `aws_kinesis_firehose_delivery_stream` block
 * @returns violations
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 */
export function processorParameterViolations(stream: ResourceBlock): string[] {
  const s3 = block(stream['extended_s3_configuration']);
  const processors = blocks(block(s3?.['processing_configuration'])?.['processors']);
  const messages: string[] = [];
  for (const processor of processors.filter((p) => p['type'] === 'Lambda')) {
    const parameters = blocks(processor['parameters']);
    if (!parameters.some((p) => p['parameter_name'] === 'LambdaArn'))
      messages.push(`Lambda processor has no LambdaArn parameter (see ${TRANSFORM})`);
    for (const parameter of parameters) {
      const range = PROCESSOR_RANGES[parameter['parameter_name'] as string];
      if (range === undefined) continue;
      const value = Number(parameter['parameter_value']);
      if (!(value >= range[0] && value <= range[1])) {
        messages.push(
          `Lambda processor ${String(parameter['parameter_name'])} must be between ${range[0]} and ${range[1]}, received ${String(parameter['parameter_value'])} (see ${TRANSFORM})`,
        );
      }
    }
  }
  return messages;
}

/**
 * S3 general purpose bucket naming rules that can be judged from the literal parts of a name (parts that
 * are Terraform references, such as the account id, are skipped): reserved prefixes and suffixes, two
 * adjacent periods, and at most 63 characters when the whole name is literal.
 *
 * @param name - the bucket name, possibly with `${...}` references
 * @returns violations
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 * @example
 * ```ts
 * bucketNameViolations('xn--sales-dev-lake'); //=> ['bucket name "xn--sales-dev-lake" starts with the reserved prefix "xn--" (see https://...)']
 * ```
 */
export function bucketNameViolations(name: string): string[] {
  const messages: string[] = [];
  const prefix = RESERVED_BUCKET_PREFIXES.find((p) => name.startsWith(p));
  if (prefix !== undefined)
    messages.push(`bucket name "${name}" starts with the reserved prefix "${prefix}" (see ${BUCKET_NAMES})`);
  const suffix = RESERVED_BUCKET_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix !== undefined)
    messages.push(`bucket name "${name}" ends with the reserved suffix "${suffix}" (see ${BUCKET_NAMES})`);
  if (name.replace(/\$\{[^}]*\}/g, '').includes('..'))
    messages.push(`bucket name "${name}" has two adjacent periods (see ${BUCKET_NAMES})`);
  if (!name.includes('${') && name.length > 63)
    messages.push(`bucket name "${name}" is longer than 63 characters (see ${BUCKET_NAMES})`);
  return messages;
}

/** Minimum age, in days, at which S3 lifecycle may transition objects into a storage class. */
const MINIMUM_TRANSITION_DAYS: Readonly<Record<string, number>> = { STANDARD_IA: 30, ONEZONE_IA: 30 };

/**
 * Lifecycle transitions S3 refuses: into Standard-IA or One Zone-IA before 30 days.
 *
 * @param configuration - an `aws_s3_bucket_lifecycle_configuration` block
 * @returns violations
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
 */
export function lifecycleTransitionViolations(configuration: ResourceBlock): string[] {
  const messages: string[] = [];
  for (const rule of blocks(configuration['rule'])) {
    for (const transition of blocks(rule['transition'])) {
      const minimum = MINIMUM_TRANSITION_DAYS[transition['storage_class'] as string];
      const days = transition['days'] as number | undefined;
      if (minimum !== undefined && days !== undefined && days < minimum) {
        messages.push(
          `lifecycle rule "${String(rule['id'])}" moves objects to ${String(transition['storage_class'])} after ${days} days; S3 requires at least ${minimum} (see ${LIFECYCLE_TRANSITIONS})`,
        );
      }
    }
  }
  return messages;
}
