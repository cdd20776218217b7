/**
 * recordSdkCalls: every AWS SDK v3 client a package depends on, replaced by an `aws-sdk-client-mock` stub that
 * records each command sent (client, command name, input), whatever the client and the command: a client or a
 * command added to the package later is recorded without editing this file.
 */
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One command a client sent. */
export interface RecordedCall {
  /** The client's class without `Client`: `S3`, `DynamoDB`, `DynamoDBStreams`, `SQS`, … */
  readonly client: string;
  /** The command's class without `Command`: `ListObjectsV2`, `Scan`, … */
  readonly command: string;
  /** What was sent. */
  readonly input: Readonly<Record<string, any>>;
}

/** The stubs of one package's clients, and what they recorded. */
export interface SdkRecorder {
  /** The stub of a client, by short name (`S3`), to give it documented responses. */
  readonly stub: (client: string) => AwsStub<any, any, any>;
  /** The short names of every stubbed client. */
  readonly clients: readonly string[];
  /** Every command sent since the last {@link SdkRecorder.reset}, in the order they were sent. */
  calls(): RecordedCall[];
  /** Forgets the calls and the responses. */
  reset(): void;
  /** Puts the real clients back. */
  restore(): void;
}

/**
 * Stubs every `@aws-sdk/client-*` dependency of a workspace package, each loaded from that package's folder so the
 * stub replaces the very class its code constructs (`mockClient` stubs `send` on the class's prototype).
 *
 * @param packageName - e.g. `@sales/lake-ops`.
 * @returns The recorder.
 * @throws Error when a client package exports no `*Client` class.
 * @example
 * ```ts
 * const recorder = recordSdkCalls('@sales/lake-ops');
 * recorder.stub('S3').on(ListObjectsV2Command).resolves({ Contents: [] });
 * ```
 */
export function recordSdkCalls(packageName: string): SdkRecorder {
  const manifest = require.resolve(`${packageName}/package.json`);
  const { dependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: object };
  const stubs = new Map<string, AwsStub<any, any, any>>();
  for (const name of Object.keys(dependencies).filter((dependency) => dependency.startsWith('@aws-sdk/client-'))) {
    const exports = require(require.resolve(name, { paths: [dirname(manifest), join(dirname(manifest), 'src')] }));
    const entries = Object.entries(exports as Record<string, unknown>).filter(
      ([exported, value]) =>
        /^[A-Z]\w*Client$/.test(exported) && typeof value === 'function' && 'send' in value.prototype,
    );
    if (entries.length === 0) throw new Error(`${name} exports no *Client class`);
    for (const [exported, clientClass] of entries)
      stubs.set(exported.replace(/Client$/, ''), mockClient(clientClass as any));
  }
  return {
    stub: (client) => {
      const stub = stubs.get(client);
      if (stub === undefined) throw new Error(`no stubbed client ${client}; stubbed: ${[...stubs.keys()].join(', ')}`);
      return stub;
    },
    clients: [...stubs.keys()],
    calls: () =>
      [...stubs.entries()]
        .flatMap(([client, stub]) =>
          stub.calls().map((call) => ({
            callId: (call as unknown as { callId: number }).callId, // sinon numbers every call; the types omit it
            client,
            command: (call.args[0] as object).constructor.name.replace(/Command$/, ''),
            input: (call.args[0] as { input: Record<string, any> }).input,
          })),
        )
        .sort((a, b) => a.callId - b.callId)
        .map(({ client, command, input }) => ({ client, command, input })),
    reset: () => {
      for (const stub of stubs.values()) stub.reset();
    },
    restore: () => {
      for (const stub of stubs.values()) stub.restore();
    },
  };
}
