import { createServer, type Server, type Socket } from 'node:net';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  AWS_TIMEOUTS,
  type AwsClientConfig,
  awsClientConfig,
  createAwsClient,
  PLACEHOLDER_REGION,
  type RegionAndCredentials,
} from '../../src/index';

/** A stand-in SDK client class that records the configuration it was created with; its chains find nothing. */
function recordingClient() {
  const created: AwsClientConfig[] = [];
  class FakeClient {
    readonly config: RegionAndCredentials;
    constructor(config: AwsClientConfig) {
      created.push(config);
      this.config = {
        region:
          typeof config.region === 'function' ? config.region : async () => Promise.reject(new Error('no region')),
        credentials: config.credentials ?? (async () => Promise.reject(new Error('no credentials'))),
      };
    }
  }
  return { FakeClient, created };
}

describe('awsClientConfig', () => {
  test.each([
    [{}, AWS_TIMEOUTS.connectionMs, AWS_TIMEOUTS.callMs],
    [{ kind: 'call' as const }, 10_000, 10_000],
    [{ kind: 'transfer' as const }, 10_000, 60_000],
    [{ kind: 'transfer' as const, atMostMs: 30_000 }, 10_000, 30_000],
    [{ atMostMs: 2_000 }, 2_000, 2_000],
    [{ atMostMs: 120_000 }, 10_000, 10_000],
  ])('%j: connection %d ms, request %d ms, and a timeout throws', (options, connectionTimeout, requestTimeout) => {
    expect(awsClientConfig(options)).toEqual({
      requestHandler: { connectionTimeout, requestTimeout, throwOnRequestTimeout: true },
    });
  });

  test('passes the endpoint, region and attempts only when given', () => {
    expect(awsClientConfig({ endpoint: 'http://127.0.0.1:4567', region: 'eu-west-1', maxAttempts: 1 })).toMatchObject({
      endpoint: 'http://127.0.0.1:4567',
      region: 'eu-west-1',
      maxAttempts: 1,
    });
    expect(Object.keys(awsClientConfig({ endpoint: undefined, region: undefined }))).toEqual(['requestHandler']);
  });
});

describe('createAwsClient', () => {
  test('creates the client once, with the policy, for the AWS endpoint', () => {
    const { FakeClient, created } = recordingClient();

    createAwsClient(FakeClient, { kind: 'transfer', region: 'eu-west-1' });

    expect(created).toEqual([awsClientConfig({ kind: 'transfer', region: 'eu-west-1' })]);
  });

  test('with --endpoint, falls back to the placeholder region and tells which settings were missing', async () => {
    const { FakeClient, created } = recordingClient();
    const told: unknown[] = [];

    const client = createAwsClient(FakeClient, {
      endpoint: 'http://127.0.0.1:8000',
      onPlaceholder: (missing) => told.push(missing),
    });
    await client.config.region();
    await client.config.credentials();

    expect(created.map((config) => config.endpoint)).toEqual(['http://127.0.0.1:8000', 'http://127.0.0.1:8000']);
    expect(await client.config.region()).toBe(PLACEHOLDER_REGION);
    expect(told).toEqual([['credentials', 'region']]);
  });

  describe('against an endpoint that accepts connections and never answers', () => {
    let server: Server;
    const sockets: Socket[] = [];
    let endpoint = '';
    beforeAll(async () => {
      server = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((closed) => server.close(closed));
    });

    test('a real SDK client fails the request with a TimeoutError instead of waiting', async () => {
      const client = createAwsClient(DynamoDBClient, { endpoint, maxAttempts: 1, atMostMs: 300 });

      const error = await client.send(new DescribeTableCommand({ TableName: 'orders' })).catch((e: unknown) => e);

      expect(error).toMatchObject({ name: 'TimeoutError', message: expect.stringContaining('300 ms requestTimeout') });
      client.destroy();
    });
  });
});
