/**
 * createClient: a DynamoDB client for the CLI, with the SDK's own retries disabled.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createAwsClient, PLACEHOLDER_CREDENTIALS } from '@sales/command-line';

/** Connection settings. */
export interface ClientSettings {
  /** @defaultValue - the SDK's region chain (AWS_REGION, profile); `us-east-1` with a local endpoint */
  readonly region?: string;
  /** Any DynamoDB-compatible endpoint URL. @defaultValue - the AWS regional endpoint */
  readonly endpoint?: string;
  /**
   * The longest any request may wait, in ms, when the run gives up sooner than the timeout policy
   * (`--give-up-after`). @defaultValue - `AWS_TIMEOUTS` of `@sales/command-line` (10 s to connect, 10 s to answer)
   */
  readonly atMostMs?: number;
}

/** Credentials used for a custom endpoint when the standard chain finds none (local emulators accept any). */
export const LOCAL_DUMMY_CREDENTIALS = PLACEHOLDER_CREDENTIALS;

/**
 * Creates the client with `createAwsClient` of `@sales/command-line`, the timeout policy every CLI shares. The SDK's
 * retries are off (`maxAttempts: 1`): the generator retries itself, so its summary counts every re-send; a timed-out
 * request is retried too.
 *
 * Region and credentials come from the standard AWS chains (environment, shared config/SSO, web identity,
 * container/instance metadata). Only with `endpoint` set, and only if a chain finds nothing, it falls back to
 * `us-east-1` and {@link LOCAL_DUMMY_CREDENTIALS} (`usePlaceholdersForLocalEndpoint` of `@sales/command-line`).
 *
 * @param settings - Region, endpoint and the run's bound on a request.
 * @returns A configured client.
 */
export function createClient(settings: ClientSettings): DynamoDBClient {
  return createAwsClient(DynamoDBClient, {
    maxAttempts: 1,
    region: settings.region || undefined,
    endpoint: settings.endpoint || undefined,
    atMostMs: settings.atMostMs,
  });
}
