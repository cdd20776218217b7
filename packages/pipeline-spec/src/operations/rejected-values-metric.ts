/**
 * The metric contract between the transform Lambda's batch summary line and the stack's `RejectedValues`
 * alarm and dashboard widget, defined once.
 *
 * The handler writes one JSON line per batch to stdout
 * (`{"rejectedValues":2,…,"functionName":"sales-dev-transform"}`, no runtime prefix); a CloudWatch Logs metric
 * filter on the function's log group matches {@link REJECTED_VALUES_METRIC}`.filterPattern` and publishes
 * `$.rejectedValues` as metric `RejectedValues` in namespace `SalesPipeline/Transform`, unit `Count`, with one
 * dimension, `FunctionName` = the line's `$.functionName` (the Lambda runtime's `AWS_LAMBDA_FUNCTION_NAME`). A
 * metric filter takes dimension values only from fields of the matched event, hence the field; with it, a dev
 * and a prod stack in one account and region publish two metrics, and each stack's alarm watches its own
 * (dimension value = its function name). One function per stack keeps the dimension's cardinality at one.
 * Rejected values are values that did not conform to the declared schema: the row keeps them in `cdc_rejected`
 * instead of the column.
 *
 * CloudWatch rules this obeys: at most three dimensions per filter, and a filter with dimensions sets no
 * default value (the provider documents `default_value` and `dimensions` as conflicting).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_MetricTransformation.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_metric_filter
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html
 * @example
 * ```ts
 * new CloudwatchLogMetricFilter(scope, 'RejectedValues', {
 *   name: 'sales-dev-transform-rejected-values',
 *   logGroupName: '/aws/lambda/sales-dev-transform',
 *   pattern: REJECTED_VALUES_METRIC.filterPattern,
 *   metricTransformation: {
 *     namespace: REJECTED_VALUES_METRIC.namespace, name: REJECTED_VALUES_METRIC.metricName,
 *     value: REJECTED_VALUES_METRIC.value, unit: REJECTED_VALUES_METRIC.unit,
 *     dimensions: { [REJECTED_VALUES_METRIC.dimensionName]: REJECTED_VALUES_METRIC.dimensionField },
 *   },
 * });
 * REJECTED_VALUES_METRIC.dimensionName; //=> 'FunctionName'
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
  /** The metric's one dimension; its value is the transform function's name. */
  dimensionName: 'FunctionName',
  /** Where the filter reads the dimension value: the summary line's `functionName` field. */
  dimensionField: '$.functionName',
} as const;
