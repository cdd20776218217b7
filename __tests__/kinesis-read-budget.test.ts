import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { Testing, type TerraformStack } from 'cdktf';
import { loadConfig, type KinesisStreamMode } from '@sales/pipeline-spec';
import { ChangeStream } from '../constructs/data-path/change-stream';
import { PipelineStack } from '../constructs/stack/pipeline-stack';
import { kinesisReadBudgetViolations } from '../constructs/security/kinesis-read-budget';
import { TEST_KEY_ARN } from './helpers/context';
import { FIXTURE_BUNDLE } from './helpers/pipeline';
import { synthChecked } from './helpers/synth-checked';
import { testApp } from './helpers/test-app';

// Each shard serves 5 GetRecords calls and 2 MiB per second to all standard consumers together, for 1 MiB per second
// written; an on-demand stream serves twice its write throughput. Firehose reads every shard about once per second,
// and every consumer reads every record: two delivery streams fit, a third does not.

/** A delivery stream that reads `stream` (the processor and the rest do not matter to the read budget). */
function reader(stack: TerraformStack, id: string, stream: KinesisStream): void {
  new KinesisFirehoseDeliveryStream(stack, id, {
    name: id,
    destination: 'extended_s3',
    kinesisSourceConfiguration: { kinesisStreamArn: stream.arn, roleArn: 'arn:aws:iam::123456789012:role/r' },
    extendedS3Configuration: { roleArn: 'arn:aws:iam::123456789012:role/r', bucketArn: 'arn:aws:s3:::b' },
  });
}

const stream = (stack: TerraformStack, mode: KinesisStreamMode) =>
  new ChangeStream(stack, 'Stream', { streamName: 'changes', kmsKeyArn: TEST_KEY_ARN, streamMode: mode }).stream;

describe('the Kinesis read budget', () => {
  test.each(['ON_DEMAND', 'PROVISIONED'] as const)('fits two delivery streams on a %s stream', (mode) => {
    expect(() =>
      synthChecked((stack) => {
        const changes = stream(stack, mode);
        reader(stack, 'Lake', changes);
        reader(stack, 'Recent', changes);
      }),
    ).not.toThrow();
  });

  test.each([
    ['ON_DEMAND', 'an on-demand stream serves twice its write throughput'],
    ['PROVISIONED', 'a shard serves 2 MiB/s of reads for 1 MiB/s of writes'],
  ] as const)('refuses a third standard consumer on a %s stream, naming them all', (mode, served) => {
    expect(() =>
      synthChecked((stack) => {
        const changes = stream(stack, mode);
        reader(stack, 'Lake', changes);
        reader(stack, 'Recent', changes);
        new LambdaEventSourceMapping(stack, 'Audit', { functionName: 'audit', eventSourceArn: changes.arn });
      }),
    ).toThrow(
      `[checked/Stream/Stream] Kinesis stream has 3 standard consumers (checked/Lake, checked/Recent, checked/Audit), at most 2 fit: ` +
        `each reads every record, so at the write limit they read 3x what is written and ${served} ` +
        '(GetRecords: 3 of 5 calls per second per shard)',
    );
  });

  test('does not count a consumer of another stream', () => {
    expect(() =>
      synthChecked((stack) => {
        const changes = stream(stack, 'ON_DEMAND');
        const other = new KinesisStream(stack, 'Other', { name: 'other', shardCount: 1 });
        reader(stack, 'Lake', changes);
        reader(stack, 'Recent', changes);
        reader(stack, 'Elsewhere', other);
      }),
    ).not.toThrow();
  });

  test('counts a stream without a mode as PROVISIONED, as AWS creates it', () => {
    expect(kinesisReadBudgetViolations({}, ['a', 'b', 'c'])[0]).toContain('a shard serves 2 MiB/s');
    expect(kinesisReadBudgetViolations({}, ['a', 'b'])).toEqual([]);
  });

  test('refuses the pipeline stack with the low-latency path on and one more reader of its stream', () => {
    const stack = new PipelineStack(testApp(), 'dev', { config: loadConfig('dev', {}), bundle: FIXTURE_BUNDLE });
    const changes = stack.node.findAll().find((c): c is KinesisStream => c instanceof KinesisStream)!;
    new LambdaEventSourceMapping(stack, 'Audit', { functionName: 'audit', eventSourceArn: changes.arn });
    expect(() => Testing.synth(stack, true)).toThrow(/\[dev\/Stream\/Stream\] Kinesis stream has 3 standard consumers/);
  });
});
