/**
 * The metric contract between the transform Lambda's batch summary line and the stack's `RejectedValues`
 * alarm, defined once.
 *
 * The handler writes one JSON line per batch to stdout (`{"rejectedValues":2,...}`, no runtime prefix); a
 * CloudWatch Logs metric filter on the function's log group matches {@link REJECTED_VALUES_METRIC}`.filterPattern`
 * and publishes `$.rejectedValues` as metric `RejectedValues` in namespace `SalesPipeline/Transform`, unit
 * `Count`, no dimensions. Rejected values are values that did not conform to the declared schema: the row
 * keeps them in `cdc_rejected` instead of the column.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html
 * @example
 * ```ts
 * new CloudwatchLogMetricFilter(scope, 'RejectedValues', {
 *   name: 'sales-dev-transform-rejected-values',
 *   logGroupName: '/aws/lambda/sales-dev-transform',
 *   pattern: REJECTED_VALUES_METRIC.filterPattern,
 *   metricTransformation: { namespace: REJECTED_VALUES_METRIC.namespace, name: REJECTED_VALUES_METRIC.metricName, value: REJECTED_VALUES_METRIC.value, unit: REJECTED_VALUES_METRIC.unit },
 * });
 * REJECTED_VALUES_METRIC.namespace; //=> 'SalesPipeline/Transform'
 * ```
 */
export const REJECTED_VALUES_METRIC = {
  /** Custom namespace of the metric the filter publishes. */
  namespace: 'SalesPipeline/Transform',
  /** Values kept in `cdc_rejected` (summed over a batch's rows). */
  metricName: 'RejectedValues',
  /** JSON filter pattern: batches with at least one rejected value. */
  filterPattern: '{ $.rejectedValues > 0 }',
  /** Metric value: the summary's `rejectedValues` field. */
  value: '$.rejectedValues',
  /** CloudWatch unit of every datum. */
  unit: 'Count',
} as const;
