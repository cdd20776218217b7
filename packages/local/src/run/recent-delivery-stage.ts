/**
 * The low-latency path's delivery in a local run: its own emulated delivery stream with zero buffering into
 * `<out>/recent/`.
 */
import { createRandom } from '@sales/generator';
import {
  DATA_FILE_EXTENSION,
  firehoseRecentErrorPrefix,
  firehoseRecentPrefix,
  KINESIS_READ_LIMITS,
  type PipelineConfig,
  PROCESSOR_DEFAULTS,
  resourceNames,
} from '@sales/pipeline-spec';
import { LakeWriter } from '../firehose/lake-writer.js';
import type { LambdaLogSink } from '../firehose/firehose-emulator.js';
import { ZeroBufferingDelivery, type ZeroBufferingStats } from '../firehose/zero-buffering-delivery.js';
import type { KinesisRecord, TransformHandler } from '../types.js';
import { LOCAL_ACCOUNT_ID, type LocalPipelineSettings } from './pipeline-settings.js';
import type { StageRunner } from './stage-runner.js';

/**
 * The path's delivery stream as the stack builds it, on the emulated stream: the same function, zero buffering, the
 * processor's size, reads once per second per shard.
 *
 * @param config - the configuration
 * @param settings - the main path's local settings (ARNs, region)
 * @returns the emulated delivery stream's settings
 */
function recentDeliverySettings(config: PipelineConfig, settings: LocalPipelineSettings) {
  const name = resourceNames(config).recentDeliveryStreamName;
  return {
    ...settings.firehose,
    deliveryStreamName: name,
    deliveryStreamArn: `arn:aws:firehose:${config.region}:${LOCAL_ACCOUNT_ID}:deliverystream/${name}`,
    processorSizeBytes: config.lambdaBufferSizeMB * 1024 * 1024,
    readIntervalMs: 1000 / KINESIS_READ_LIMITS.firehoseReadsPerSecondPerShard,
    numberOfRetries: PROCESSOR_DEFAULTS.NumberOfRetries,
    dataPrefix: firehoseRecentPrefix(),
    errorPrefix: firehoseRecentErrorPrefix(),
    fileExtension: DATA_FILE_EXTENSION,
  };
}

/** What the recent delivery stage needs. */
export interface RecentDeliveryInput {
  readonly config: PipelineConfig;
  readonly settings: LocalPipelineSettings;
  /** The transform, failing what `--inject-failures` fails on the main path too. */
  readonly handler: TransformHandler;
  /** The stream's records, by arrival (read once, lazily). */
  readonly records: Iterable<KinesisRecord>;
  /** The function's log. */
  readonly log: LambdaLogSink;
  readonly lakeDir: string;
  readonly seed: string;
  readonly duplicates: number;
}

/**
 * Stage `deliver_recent`: the second delivery stream reads the same records and writes `<out>/recent/dt=…/`; its
 * Lambda lines join the function's log. With `SALES_RECENT_PATH=false` it does nothing and says so.
 *
 * @param stages - the run's stages
 * @param input - records, settings, handler, lake folder, dice
 * @returns the path's counts, or null when the path is off
 */
export async function deliverRecentStage(
  stages: StageRunner,
  input: RecentDeliveryInput,
): Promise<ZeroBufferingStats | null> {
  return stages.run(
    'deliver_recent',
    'firehose (recent) + transform',
    async () => {
      if (!input.config.recentPathEnabled) return null;
      const delivery = new ZeroBufferingDelivery(
        recentDeliverySettings(input.config, input.settings),
        input.handler,
        new LakeWriter(input.lakeDir),
        { fraction: input.duplicates, random: createRandom(`${input.seed}:recent`) },
        input.log,
      );
      return delivery.deliver(input.records);
    },
    (s) =>
      s === null
        ? 'off (SALES_RECENT_PATH=false)'
        : `${s.invocations} invocations, ${s.delivered} delivered, ${s.failed} failed, ${s.objects} objects under recent/`,
  );
}
