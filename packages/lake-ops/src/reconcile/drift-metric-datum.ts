/**
 * `--publish-metric`: a finished reconcile's verdict as the one CloudWatch datum the stack's `LakeDrift` and
 * `ReconcileNotRun` alarms watch (`DRIFT_METRIC`, the contract both sides import).
 */
import {
  PutMetricDataCommand,
  type CloudWatchClient,
  type PutMetricDataCommandInput,
} from '@aws-sdk/client-cloudwatch';
import { DRIFT_METRIC } from '@sales/pipeline-spec';
import type { ReconcileResult } from './drift.js';

/**
 * Keys that drifted and were not repaired: the drift found, or 0 when `--repair` wrote its corrective rows.
 *
 * @param result - A reconcile's result.
 * @returns The count.
 * @example
 * ```ts
 * unrepairedDriftKeys({ drift: [d1, d2], repair: null, … }); //=> 2
 * unrepairedDriftKeys({ drift: [d1, d2], repair: { key: 'sales/…', rows: 2 }, … }); //=> 0
 * ```
 */
export function unrepairedDriftKeys(result: Pick<ReconcileResult, 'drift' | 'repair'>): number {
  return result.repair === null ? result.drift.length : 0;
}

/**
 * The `PutMetricData` input of a finished run: namespace `SalesPipeline/Lake`, metric `DriftKeys`, dimension
 * `Table` = the table, unit `Count`, value = {@link unrepairedDriftKeys}. No timestamp: CloudWatch stamps the datum
 * when it receives it, which is the run's end.
 *
 * @param result - A complete reconcile's result.
 * @returns The input.
 * @throws RangeError for a run that did not finish: it must publish nothing, so that `ReconcileNotRun` fires.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
 * @example
 * ```ts
 * driftMetricInput({ table: 'sales-dev-orders', drift: [d1], repair: null, complete: true, … });
 * //=> { Namespace: 'SalesPipeline/Lake', MetricData: [{ MetricName: 'DriftKeys',
 * //     Dimensions: [{ Name: 'Table', Value: 'sales-dev-orders' }], Unit: 'Count', Value: 1 }] }
 * ```
 */
export function driftMetricInput(
  result: Pick<ReconcileResult, 'table' | 'drift' | 'repair' | 'complete'>,
): PutMetricDataCommandInput {
  if (!result.complete) throw new RangeError('an interrupted reconcile publishes no drift metric');
  return {
    Namespace: DRIFT_METRIC.namespace,
    MetricData: [
      {
        MetricName: DRIFT_METRIC.metricName,
        Dimensions: [{ Name: DRIFT_METRIC.dimensionName, Value: result.table }],
        Unit: DRIFT_METRIC.unit,
        Value: unrepairedDriftKeys(result),
      },
    ],
  };
}

/**
 * Publishes the datum of a finished run.
 *
 * @param client - The CloudWatch client (region and credentials of the run).
 * @param result - A complete reconcile's result.
 * @returns The value published.
 * @throws The SDK's error when `PutMetricData` fails (no permission, no network, throttled after retries).
 */
export async function publishDriftMetric(
  client: CloudWatchClient,
  result: Pick<ReconcileResult, 'table' | 'drift' | 'repair' | 'complete'>,
): Promise<number> {
  const input = driftMetricInput(result);
  await client.send(new PutMetricDataCommand(input));
  return input.MetricData?.[0]?.Value ?? 0;
}
