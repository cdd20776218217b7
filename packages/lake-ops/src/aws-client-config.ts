/**
 * The settings every AWS client of `sales-lake` is created with, written once: timeouts, so an endpoint that accepts
 * a connection and never answers fails the run (with the SDK's retries) instead of hanging it, and the endpoint
 * override of `--endpoint`.
 */
import type { RegionAndCredentials } from '@sales/command-line';

/** Milliseconds to open a connection. */
export const CONNECTION_TIMEOUT_MS = 10_000;

/** Milliseconds a request's socket may stay silent (a Scan page, a result page, an object part all arrive sooner). */
export const REQUEST_TIMEOUT_MS = 60_000;

/** The part of an SDK v3 client configuration {@link awsClientConfig} sets. */
export interface AwsClientConfig {
  readonly requestHandler: {
    readonly connectionTimeout: number;
    readonly requestTimeout: number;
    readonly throwOnRequestTimeout: true;
  };
  readonly endpoint?: string;
  readonly region?: string | (() => Promise<string>);
  readonly credentials?: RegionAndCredentials['credentials'];
}

/**
 * The configuration to create a client with.
 *
 * @param overrides - `endpoint` (a DynamoDB-compatible URL) and `region` (from an ARN or a queue URL), when known;
 *   `region` and `credentials` providers for a local endpoint (see `createDynamoDBClient`).
 * @returns The configuration; the region and credentials otherwise come from the SDK's standard chains.
 * @see https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-smithy-node-http-handler (`requestTimeout` only
 *   throws with `throwOnRequestTimeout`, from node-http-handler 4.4)
 * @example
 * ```ts
 * new DynamoDBClient(awsClientConfig({ endpoint: 'http://127.0.0.1:4567' }));
 * ```
 */
export function awsClientConfig(
  overrides: {
    endpoint?: string | undefined;
    region?: string | (() => Promise<string>) | undefined;
    credentials?: RegionAndCredentials['credentials'];
  } = {},
): AwsClientConfig {
  return {
    requestHandler: {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
    ...(overrides.endpoint === undefined ? {} : { endpoint: overrides.endpoint }),
    ...(overrides.region === undefined ? {} : { region: overrides.region }),
    ...(overrides.credentials === undefined ? {} : { credentials: overrides.credentials }),
  };
}
