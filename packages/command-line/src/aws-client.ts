/**
 * createAwsClient: the one way a sales-pipeline CLI creates an AWS SDK client, with the one timeout policy
 * ({@link AWS_TIMEOUTS}), so an endpoint that accepts a connection and never answers fails the run (after the SDK's
 * retries) instead of hanging it, and `--endpoint`'s local emulator works with nothing set.
 */
import {
  type MissingSetting,
  type RegionAndCredentials,
  usePlaceholdersForLocalEndpoint,
} from './local-endpoint-placeholders.js';

/**
 * How long a CLI waits on AWS, in ms, written once. `requestTimeout` (node-http-handler) runs from sending a request,
 * its body included, to the answer's headers, so it is set by the kind of request, not by service:
 *
 * - `connectionMs`: open a connection (TCP and TLS); AWS endpoints and local emulators connect in milliseconds.
 * - `callMs`: an API call, whose answer starts within milliseconds: DynamoDB item writes, Scan pages and
 *   `Describe*`, Athena, SQS (replay's 2 s long poll included), Kinesis, DynamoDB Streams, CloudWatch.
 * - `transferMs`: a request that carries an object body, S3 `PutObject` (a backfill or reconcile object holds up to
 *   16 MiB of rows before gzip): its upload counts against the timeout, and must fit on a slow uplink.
 * - `probeMs`: the one `DescribeTable` or `ListTables` a CLI asks an endpoint before any work, so a dead one is named
 *   within seconds instead of after the retries of a silent request.
 *
 * @see https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-smithy-node-http-handler
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
export const AWS_TIMEOUTS = {
  connectionMs: 10_000,
  callMs: 10_000,
  transferMs: 60_000,
  probeMs: 5_000,
} as const;

/** The kinds of request {@link AWS_TIMEOUTS} bounds differently: a client makes one kind. */
export type AwsRequestKind = 'call' | 'transfer';

/** What a caller chooses about a client; the timeouts come from {@link AWS_TIMEOUTS}. */
export interface AwsClientOptions {
  /** What the client's requests are. @defaultValue 'call' */
  readonly kind?: AwsRequestKind;
  /**
   * A DynamoDB-compatible URL the user gave (`--endpoint`); the client then falls back to placeholder credentials and
   * region when the standard chains find none (see `usePlaceholdersForLocalEndpoint`).
   * @defaultValue - the AWS regional endpoint
   */
  readonly endpoint?: string | undefined;
  /** The region, e.g. from an ARN or a queue URL. @defaultValue - the SDK's region chain (`AWS_REGION`, profile) */
  readonly region?: string | undefined;
  /** Attempts per request, the first included; 1 when the caller retries and counts itself. @defaultValue - the SDK's, 3 */
  readonly maxAttempts?: number | undefined;
  /**
   * The longest the caller waits for any request, when its run gives up sooner than the policy (the generator's
   * `--give-up-after`): lowers the connection and request timeouts to it. @defaultValue - the policy's
   */
  readonly atMostMs?: number | undefined;
  /** Told once what was missing when a placeholder was used (only with `endpoint`). @defaultValue - silent */
  readonly onPlaceholder?: ((missing: readonly MissingSetting[]) => void) | undefined;
}

/** The part of an SDK v3 client configuration {@link awsClientConfig} sets. */
export interface AwsClientConfig {
  readonly requestHandler: {
    readonly connectionTimeout: number;
    readonly requestTimeout: number;
    readonly throwOnRequestTimeout: true;
  };
  readonly maxAttempts?: number;
  readonly endpoint?: string;
  readonly region?: string | (() => Promise<string>);
  readonly credentials?: RegionAndCredentials['credentials'];
}

/**
 * The configuration {@link createAwsClient} creates a client with. Pure.
 *
 * @param options - the kind of request, and what the caller knows
 * @returns the configuration: timeouts that throw (so the SDK retries, then fails), and the options given
 * @example
 * ```ts
 * awsClientConfig({ kind: 'transfer' }).requestHandler;
 * //=> { connectionTimeout: 10000, requestTimeout: 60000, throwOnRequestTimeout: true }
 * awsClientConfig({ atMostMs: 2000, maxAttempts: 1 });
 * //=> { requestHandler: { connectionTimeout: 2000, requestTimeout: 2000, throwOnRequestTimeout: true }, maxAttempts: 1 }
 * ```
 */
export function awsClientConfig(options: Omit<AwsClientOptions, 'onPlaceholder'> = {}): AwsClientConfig {
  const request = options.kind === 'transfer' ? AWS_TIMEOUTS.transferMs : AWS_TIMEOUTS.callMs;
  const atMost = options.atMostMs ?? Number.POSITIVE_INFINITY;
  return {
    requestHandler: {
      connectionTimeout: Math.min(AWS_TIMEOUTS.connectionMs, atMost),
      requestTimeout: Math.min(request, atMost),
      throwOnRequestTimeout: true,
    },
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.region === undefined ? {} : { region: options.region }),
  };
}

/**
 * Creates an AWS SDK v3 client with {@link awsClientConfig}. With `endpoint` (dynalite, DynamoDB Local) it needs
 * nothing set: when the standard chains find no credentials or region, it uses placeholders.
 *
 * @param Client - the SDK client class, e.g. `DynamoDBClient`
 * @param options - see {@link AwsClientOptions}
 * @returns the client
 * @example
 * ```ts
 * const s3 = createAwsClient(S3Client, { kind: 'transfer' });
 * const table = createAwsClient(DynamoDBClient, { endpoint: 'http://127.0.0.1:8000', maxAttempts: 1 });
 * ```
 */
export function createAwsClient<C extends { readonly config: RegionAndCredentials }>(
  Client: new (config: AwsClientConfig) => C,
  options: AwsClientOptions = {},
): C {
  const config = awsClientConfig(options);
  if (options.endpoint === undefined) return new Client(config);
  return usePlaceholdersForLocalEndpoint(
    (providers) => new Client(providers === undefined ? config : { ...config, ...providers }),
    options.onPlaceholder,
  );
}
