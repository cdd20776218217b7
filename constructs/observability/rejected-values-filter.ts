import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import type { Construct } from 'constructs';
import { REJECTED_VALUES_METRIC } from '@sales/pipeline-spec';

/**
 * A metric filter on the transform function's log group that turns each batch summary line with rejected
 * values into a `RejectedValues` datum ({@link REJECTED_VALUES_METRIC}) with dimension `FunctionName` taken
 * from the line's `functionName`, which the `RejectedValues` alarm and dashboard widget watch. It only matches
 * because the handler writes that line to stdout as bare JSON. No `default_value`: CloudWatch refuses one on a
 * filter with dimensions.
 *
 * @param scope - parent construct
 * @param id - construct id
 * @param functionName - the transform function's name; names the filter
 * @param logGroupName - the function's log group
 * @returns the metric filter
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_metric_filter
 * @example
 * ```ts
 * createRejectedValuesFilter(this, 'RejectedValues', 'sales-dev-transform', logGroup.name);
 * ```
 */
export function createRejectedValuesFilter(
  scope: Construct,
  id: string,
  functionName: string,
  logGroupName: string,
): CloudwatchLogMetricFilter {
  return new CloudwatchLogMetricFilter(scope, id, {
    name: `${functionName}-rejected-values`,
    logGroupName,
    pattern: REJECTED_VALUES_METRIC.filterPattern,
    metricTransformation: {
      namespace: REJECTED_VALUES_METRIC.namespace,
      name: REJECTED_VALUES_METRIC.metricName,
      value: REJECTED_VALUES_METRIC.value,
      unit: REJECTED_VALUES_METRIC.unit,
      dimensions: { [REJECTED_VALUES_METRIC.dimensionName]: REJECTED_VALUES_METRIC.dimensionField },
    },
  });
}
