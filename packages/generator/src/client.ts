/**
 * createClient: a DynamoDB client for the CLI, with the SDK's own retries disabled.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  PLACEHOLDER_CREDENTIALS,
  usePlaceholdersForLocalEndpoint,
  type RegionAndCredentials,
} from '@sales/command-line';

/** Connection settings. */
export interface ClientSettings {
  /** @defaultValue - the SDK's region chain (AWS_REGION, profile); `us-east-1` with a local endpoint */
  readonly region?: string;
  /** Any DynamoDB-compatible endpoint URL. @defaultValue - the AWS regional endpoint */
  readonly endpoint?: string;
  /** Connection and response timeout of each request, in ms. @defaultValue {@link REQUEST_TIMEOUT_MS} */
  readonly requestTimeoutMs?: number;
}

/** Default connection and response timeout of each request, in ms. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Credentials used for a custom endpoint when the standard chain finds none (local emulators accept any). */
export const LOCAL_DUMMY_CREDENTIALS = PLACEHOLDER_CREDENTIALS;

/**
 * Creates the client. The SDK's retries are off (`maxAttempts: 1`): the generator retries itself,
 * so its summary counts every re-send. Each request times out after `requestTimeoutMs`.
 *
 * Region and credentials come from the standard AWS chains (environment, shared config/SSO, web identity,
 * container/instance metadata). Only with `endpoint` set, and only if a chain finds nothing, it falls back to
 * `us-east-1` and {@link LOCAL_DUMMY_CREDENTIALS} (`usePlaceholdersForLocalEndpoint` of `@sales/command-line`).
 *
 * @param settings - Region, endpoint and request timeout.
 * @returns A configured client.
 */
export function createClient(settings: ClientSettings): DynamoDBClient {
  const region = settings.region;
  const timeout = settings.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const create = (providers?: RegionAndCredentials): DynamoDBClient =>
    new DynamoDBClient({
      maxAttempts: 1,
      // Without a timeout a stalled endpoint would hang the run; a timed-out request is retried.
      requestHandler: { connectionTimeout: timeout, requestTimeout: timeout, throwOnRequestTimeout: true },
      ...(region ? { region } : {}),
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...providers,
    });
  return settings.endpoint ? usePlaceholdersForLocalEndpoint(create) : create();
}
