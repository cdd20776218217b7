/**
 * The Kinesis read budget: AWS accepts any number of standard consumers on a stream, then throttles their
 * `GetRecords` calls (`ReadProvisionedThroughputExceeded`) once together they read more than the stream serves, and
 * the delivery streams fall behind. The policy aspect counts the stream's consumers in the stack and attaches this
 * rule to the synthesized stream block.
 */
import { kinesisReadBudget, type KinesisStreamMode } from '@sales/pipeline-spec';
import { block, type ResourceBlock } from './apply-time-rules';

const KINESIS_LIMITS = 'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html';

/**
 * A stream's standard consumers (each a Firehose delivery stream, a Lambda event source mapping or a pipe that reads
 * it with `GetRecords`) fit its read limits, for its capacity mode (`stream_mode_details`; a stream without one is
 * `PROVISIONED`, as AWS creates it).
 *
 * @param stream - an `aws_kinesis_stream` block
 * @param consumers - the construct paths of its standard consumers in the stack
 * @returns one violation when they do not fit
 * @see https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 * @example
 * ```ts
 * kinesisReadBudgetViolations({ stream_mode_details: { stream_mode: 'ON_DEMAND' } }, ['dev/Delivery', 'dev/Recent', 'dev/Audit']);
 * //=> ['Kinesis stream has 3 standard consumers (dev/Delivery, dev/Recent, dev/Audit), at most 2 fit: ...']
 * ```
 */
export function kinesisReadBudgetViolations(stream: ResourceBlock, consumers: readonly string[]): string[] {
  const mode: KinesisStreamMode =
    block(stream['stream_mode_details'])?.['stream_mode'] === 'ON_DEMAND' ? 'ON_DEMAND' : 'PROVISIONED';
  const budget = kinesisReadBudget(mode, consumers.length);
  if (budget.fits) return [];
  const served =
    mode === 'ON_DEMAND'
      ? 'an on-demand stream serves twice its write throughput'
      : 'a shard serves 2 MiB/s of reads for 1 MiB/s of writes';
  return [
    `Kinesis stream has ${budget.consumers} standard consumers (${consumers.join(', ')}), at most ${budget.maximumConsumers} fit: ` +
      `each reads every record, so at the write limit they read ${budget.readPerWrite.used}x what is written and ${served} ` +
      `(GetRecords: ${budget.getRecordsPerSecond.used} of ${budget.getRecordsPerSecond.limit} calls per second per shard); ` +
      `remove one or give it enhanced fan-out (see ${KINESIS_LIMITS})`,
  ];
}
