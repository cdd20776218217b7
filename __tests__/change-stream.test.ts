import 'cdktf/lib/testing/adapters/jest';
import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { Testing } from 'cdktf';
import { ChangeStream } from '../constructs/data-path/change-stream';
import { TEST_KEY_ARN } from './helpers/context';

describe('ChangeStream', () => {
  test('Test default behaviors: on demand, KMS-encrypted, 24 h retention, no shard count', () => {
    const synthesized = Testing.synthScope(
      (scope) => new ChangeStream(scope, 'Stream', { streamName: 'changes', kmsKeyArn: TEST_KEY_ARN }),
    );
    expect(synthesized).toHaveResourceWithProperties(KinesisStream, {
      name: 'changes',
      stream_mode_details: { stream_mode: 'ON_DEMAND' },
      encryption_type: 'KMS',
      kms_key_id: TEST_KEY_ARN,
      retention_period: 24,
    });
    expect(JSON.stringify(JSON.parse(synthesized).resource.aws_kinesis_stream)).not.toContain('shard_count');
  });

  test('uses the configured shards and retention in provisioned mode', () => {
    const synthesized = Testing.synthScope(
      (scope) =>
        new ChangeStream(scope, 'Stream', {
          streamName: 'changes',
          kmsKeyArn: TEST_KEY_ARN,
          streamMode: 'PROVISIONED',
          shardCount: 3,
          retentionHours: 168,
        }),
    );
    expect(synthesized).toHaveResourceWithProperties(KinesisStream, {
      shard_count: 3,
      retention_period: 168,
      stream_mode_details: { stream_mode: 'PROVISIONED' },
    });
  });

  test.each([
    [{ retentionHours: 12 }, 'retentionHours must be between 24 and 8760, received 12'],
    [
      { streamMode: 'PROVISIONED' as const, shardCount: 0 },
      'shardCount must be a whole number of at least 1, received 0',
    ],
  ])('rejects %p', (props, message) => {
    expect(() =>
      Testing.synthScope(
        (scope) => new ChangeStream(scope, 'Stream', { streamName: 's', kmsKeyArn: TEST_KEY_ARN, ...props }),
      ),
    ).toThrow(message);
  });
});
