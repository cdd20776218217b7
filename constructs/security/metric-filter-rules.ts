/**
 * Rules CloudWatch Logs enforces on a metric filter's dimensions when Terraform applies, which `terraform validate`
 * cannot see: the provider's schema (5.100 and 6.x) types `metric_transformation.dimensions` as a plain map of
 * strings, with no count limit and no conflict with `default_value`. The policy aspect attaches the rule.
 */
import { block, type ResourceBlock } from './apply-time-rules';

const DIMENSIONS = 'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_MetricTransformation.html';
const PROVIDER_FILTER =
  'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_metric_filter';

/** CloudWatch Logs: "One metric filter can include as many as three dimensions." */
export const MAX_METRIC_FILTER_DIMENSIONS = 3;

/**
 * A metric filter's dimensions as CloudWatch Logs accepts them: at most three; each name ASCII, not blank and not
 * starting with `:`; each value a field of the matched event (`$.field` in a JSON pattern, `$field` in a
 * space-delimited one), since a filter takes dimension values only from the event; and no `default_value` next to
 * them (the provider documents the two as conflicting: a datum emitted for a non-matching event has no field to
 * read a dimension from).
 *
 * @param filter - an `aws_cloudwatch_log_metric_filter` block
 * @returns violations
 * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_MetricTransformation.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_metric_filter
 * @example
 * ```ts
 * metricFilterDimensionViolations({ metric_transformation: { dimensions: { FunctionName: '$.functionName' }, default_value: '0' } });
 * //=> ['metric filter has dimensions and default_value 0; CloudWatch accepts one or the other (see https://...)']
 * ```
 */
export function metricFilterDimensionViolations(filter: ResourceBlock): string[] {
  const transformation = block(filter['metric_transformation']);
  const dimensions = (transformation?.['dimensions'] ?? {}) as Readonly<Record<string, unknown>>;
  const names = Object.keys(dimensions);
  if (names.length === 0) return [];
  const messages: string[] = [];
  if (names.length > MAX_METRIC_FILTER_DIMENSIONS) {
    messages.push(
      `metric filter must have at most ${MAX_METRIC_FILTER_DIMENSIONS} dimensions, received ${names.length} (${names.join(', ')}; see ${DIMENSIONS})`,
    );
  }
  for (const name of names) {
    if (!/^[\x00-\x7f]*$/.test(name) || name.trim() === '' || name.startsWith(':')) {
      messages.push(
        `metric filter dimension name must be ASCII, not blank and not start with ":", received "${name}" (see ${DIMENSIONS})`,
      );
    }
    const field = String(dimensions[name]);
    if (!/^\$\S/.test(field)) {
      messages.push(
        `metric filter dimension ${name} must name a field of the log event ($.field or $field), received "${field}" (see ${DIMENSIONS})`,
      );
    }
  }
  const defaultValue = transformation?.['default_value'];
  if (defaultValue !== undefined && defaultValue !== null) {
    messages.push(
      `metric filter has dimensions and default_value ${String(defaultValue)}; CloudWatch accepts one or the other (see ${PROVIDER_FILTER})`,
    );
  }
  return messages;
}
