/**
 * describeAwsError: an AWS error told in the terms of the command line: the flag and the value the user gave,
 * and what to do next.
 */
import type { AwsErrorContext } from './aws-error-context.js';
import { doingWith, rerunAdvice, tableEndpoint } from './aws-error-phrases.js';
import { operatorPolicyFor, readDeniedAccess } from './denied-access.js';
import { type AwsErrorFacts, type AwsService, readAwsError } from './read-aws-error.js';

/** One row of {@link RULES}: the errors it matches and the line it gives. */
interface Rule {
  /** Error codes (`name`) it matches. */
  readonly names: readonly string[];
  /** The service that must have answered. @defaultValue - any service, or none */
  readonly service?: AwsService;
  /** A further test of the message. @defaultValue - always */
  readonly when?: (facts: AwsErrorFacts) => boolean;
  readonly say: (facts: AwsErrorFacts, context: AwsErrorContext) => string;
}

const said = (facts: AwsErrorFacts): string => (facts.message === '' ? facts.name : `${facts.name}: ${facts.message}`);
const quoted = (value: string | undefined): string => (value === undefined ? '' : ` "${value}"`);
const bucketOf = (location: string | undefined): string | undefined => /^s3:\/\/([^/]+)/.exec(location ?? '')?.[1];

const WORKGROUP = /work ?group/i;
const DATABASE = /database|schema|catalog/i;

const missingDatabase = (facts: AwsErrorFacts, context: AwsErrorContext): string =>
  `--database${quoted(context.database)} not found in the Glue Data Catalog (${said(facts)}); give the stack output glue_database`;

/** What grants the failed call, or how to sign in, with the policy when the command has one. */
function policyHint(context: AwsErrorContext): string {
  const policy = operatorPolicyFor(context.command, context.table);
  return policy === undefined ? '' : `; the managed policy ${policy} grants what sales-lake ${context.command} needs`;
}

/**
 * Error codes, each from the page cited. Throttling and timeouts:
 * @see https://github.com/smithy-lang/smithy-typescript/blob/main/packages/service-error-classification/src/constants.ts
 */
const ACCESS_DENIED = [
  'AccessDeniedException',
  'AccessDenied',
  'Forbidden',
  'KMSAccessDeniedException',
  'KmsAccessDenied',
];
/** @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html */
const BAD_CREDENTIALS = [
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'ExpiredToken',
  'RequestExpired',
];
const THROTTLED = [
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'SlowDown',
  'LimitExceededException',
  'KMSThrottlingException',
  'KmsThrottled',
];
const TIMED_OUT = ['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE'];

/** The rules, first match wins: specific resources first, then access, then transient failures. */
const RULES: readonly Rule[] = [
  {
    names: ['AthenaQueryError', 'EntityNotFoundException', 'InvalidRequestException', 'MetadataException'],
    service: 'Athena',
    when: (facts) => WORKGROUP.test(facts.message),
    say: (facts, context) =>
      `--workgroup${quoted(context.workgroup)} not found in ${context.region ?? 'the configured region'} (${said(facts)}); give the stack output athena_workgroup`,
  },
  {
    names: ['AthenaQueryError', 'EntityNotFoundException', 'InvalidRequestException', 'MetadataException'],
    service: 'Athena',
    when: (facts) =>
      DATABASE.test(facts.message) && /not (be )?found|does not exist|SCHEMA_NOT_FOUND/i.test(facts.message),
    say: missingDatabase,
  },
  { names: ['EntityNotFoundException'], when: (facts) => DATABASE.test(facts.message), say: missingDatabase },
  {
    names: ['ResourceNotFoundException', 'TableNotFoundException'],
    service: 'DynamoDB',
    say: (_facts, context) =>
      `table${quoted(context.table)} not found at ${tableEndpoint(context)}; check --table (the stack output table_name)`,
  },
  {
    names: ['ResourceNotFoundException'],
    service: 'Kinesis',
    say: (facts, context) =>
      `--stream${quoted(context.stream)} not found (${said(facts)}); give the stack output stream_arn`,
  },
  {
    names: ['ResourceNotFoundException'],
    service: 'DynamoDB Streams',
    say: (facts, context) =>
      `the table's stream named by a dead-letter message of --dlq${quoted(context.dlq)} no longer exists (${said(facts)}); its batches cannot be re-driven: repair the lake with sales-lake reconcile`,
  },
  {
    names: ['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 'ResourceNotFoundException'],
    service: 'SQS',
    say: (_facts, context) =>
      `--dlq${quoted(context.dlq)}: no such queue, or no access to it (SQS answers both alike); give the pipe's dead-letter queue URL${policyHint(context)}`,
  },
  {
    names: ['NoSuchBucket'],
    service: 'S3',
    say: (facts, context) =>
      context.export !== undefined &&
      bucketOf(context.export) !== undefined &&
      facts.bucket === bucketOf(context.export)
        ? `--export "${context.export}": no such bucket; give the location of a finished export`
        : `--lake${quoted(context.lake)}: no such bucket; give the stack's lake bucket (terraform output lake_bucket)`,
  },
  {
    names: ['NoSuchKey'],
    service: 'S3',
    say: (facts, context) =>
      context.export === undefined
        ? `--lake${quoted(context.lake)}: an object was removed while the run read it (${said(facts)}); ${rerunAdvice(context)}`
        : `--export "${context.export}": a file the export's manifest lists is missing (${said(facts)}); give a finished, complete export`,
  },
  {
    names: ACCESS_DENIED,
    say: (facts, context) => {
      const { action, resource } = readDeniedAccess(facts.message);
      const what =
        action === undefined
          ? `${facts.service ?? 'AWS'} denied access while ${doingWith(facts.service, context)} (${said(facts)})`
          : `not authorized to perform ${action} on ${resource ?? `the resource, while ${doingWith(facts.service, context)}`}`;
      return `${what}${policyHint(context)}; attach it to the role you run as`;
    },
  },
  {
    names: BAD_CREDENTIALS,
    say: (facts, context) =>
      `${facts.service ?? 'AWS'} refused the credentials while ${doingWith(facts.service, context)} (${said(facts)}); sign in again or check AWS_PROFILE${policyHint(context)}`,
  },
  {
    names: THROTTLED,
    say: (facts, context) =>
      `${facts.service ?? 'AWS'} throttled the run while ${doingWith(facts.service, context)} (${facts.name}), beyond the SDK's retries; ${rerunAdvice(context)}`,
  },
  {
    names: TIMED_OUT,
    say: (facts, context) =>
      `timed out while ${doingWith(facts.service, context)} (${said(facts)}), beyond the SDK's retries; ${rerunAdvice(context)}`,
  },
];

/**
 * Tells an AWS error in the user's terms: the flag and the value it is about (`--table`, `--endpoint` or the region,
 * `--lake`, `--export`, `--dlq`, `--stream`, `--workgroup`, `--database`), the operator policy for access errors,
 * and for throttling and timeouts what was being done and that a re-run continues. Pure.
 *
 * @param error - What the command threw; the AWS error may be its `cause`.
 * @param context - The command line ({@link toAwsErrorContext}).
 * @returns One line without the program name or a newline; `undefined` for an error it does not know, which is
 *   then printed as it is.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 * @example
 * ```ts
 * describeAwsError(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} }), {
 *   command: 'reconcile', table: 'orders', endpoint: 'http://127.0.0.1:4567',
 * });
 * //=> 'table "orders" not found at http://127.0.0.1:4567; check --table (the stack output table_name)'
 * ```
 */
export function describeAwsError(error: unknown, context: AwsErrorContext): string | undefined {
  const facts = readAwsError(error);
  if (facts === undefined) return undefined;
  const rule = RULES.find(
    (row) =>
      row.names.includes(facts.name) &&
      (row.service === undefined || row.service === facts.service) &&
      (row.when === undefined || row.when(facts)),
  );
  return rule?.say(facts, context);
}
