/**
 * The metric contract between `sales-lake reconcile` (which publishes it) and the stack's drift alarms
 * (which watch it), defined once.
 *
 * Reconcile publishes one datum per run with `PutMetricData`: namespace {@link DRIFT_METRIC}`.namespace`,
 * metric `DriftKeys`, one dimension `Table` = the DynamoDB table's name, unit `Count`, value = the number of
 * keys that drifted and were not repaired (0 when the lake equals the table or `--repair` fixed every key).
 * A run that fails before it can compare publishes nothing, which the not-run alarm then reports.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
 * @example
 * ```ts
 * const datum = {
 *   MetricName: DRIFT_METRIC.metricName,
 *   Dimensions: [{ Name: DRIFT_METRIC.dimensionName, Value: 'sales-dev-orders' }],
 *   Unit: DRIFT_METRIC.unit,
 *   Value: 3,
 * };
 * // new PutMetricDataCommand({ Namespace: DRIFT_METRIC.namespace, MetricData: [datum] })
 * DRIFT_METRIC.namespace; //=> 'SalesPipeline/Lake'
 * ```
 */
export const DRIFT_METRIC = {
  /** Custom namespace; the reconcile policy may publish to this namespace only (`cloudwatch:namespace`). */
  namespace: 'SalesPipeline/Lake',
  /** Keys whose lake state differs from the table after the run (missing, extra or mismatched, unrepaired). */
  metricName: 'DriftKeys',
  /** The one dimension's name; its value is the DynamoDB table name. */
  dimensionName: 'Table',
  /** CloudWatch unit of every datum. */
  unit: 'Count',
} as const;
