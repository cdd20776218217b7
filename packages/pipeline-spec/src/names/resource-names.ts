import type { PipelineConfig } from '../config/config';

/**
 * Physical names of the resources that tools outside the stack address by name (the generator writes
 * to the table; the local pipeline emulates the stream, delivery stream and function under the same
 * names), defined once. Pure: importing this file creates no resources.
 */

/** The addressable names of one environment's pipeline. */
export interface ResourceNames {
  /** `<prefix>-<environment>`: the stem of every physical name in the stack. */
  readonly baseName: string;
  /** DynamoDB table of orders: `<base>-orders`. */
  readonly tableName: string;
  /** Kinesis data stream between the pipe and Firehose: `<base>-changes`. */
  readonly streamName: string;
  /** Firehose delivery stream into the lake: `<base>-lake`. */
  readonly deliveryStreamName: string;
  /** Firehose delivery stream of the low-latency path, into `recent/`: `<base>-recent`. */
  readonly recentDeliveryStreamName: string;
  /** Transform Lambda function: `<base>-transform`. */
  readonly functionName: string;
}

/**
 * Names of one environment's table, streams and function, from its prefix and environment.
 *
 * @param config - the environment's `namePrefix` and `environment`
 * @returns the names
 * @example
 * ```ts
 * resourceNames({ namePrefix: 'sales', environment: 'dev' });
 * //=> { baseName: 'sales-dev', tableName: 'sales-dev-orders', streamName: 'sales-dev-changes',
 * //     deliveryStreamName: 'sales-dev-lake', recentDeliveryStreamName: 'sales-dev-recent',
 * //     functionName: 'sales-dev-transform' }
 * ```
 */
export function resourceNames(config: Pick<PipelineConfig, 'namePrefix' | 'environment'>): ResourceNames {
  const baseName = `${config.namePrefix}-${config.environment}`;
  return {
    baseName,
    tableName: `${baseName}-orders`,
    streamName: `${baseName}-changes`,
    deliveryStreamName: `${baseName}-lake`,
    recentDeliveryStreamName: `${baseName}-recent`,
    functionName: `${baseName}-transform`,
  };
}

/**
 * The Glue database of one environment: the base name with `_` for `-` (Athena reads `-` in a database name only
 * quoted). A literal, not a Terraform reference, so a view definition can name it in its encoded text.
 *
 * @param baseName - `<prefix>-<environment>`
 * @returns e.g. `sales_dev`
 * @example
 * ```ts
 * glueDatabaseName('sales-dev'); //=> 'sales_dev'
 * ```
 */
export function glueDatabaseName(baseName: string): string {
  return baseName.replace(/-/g, '_');
}
