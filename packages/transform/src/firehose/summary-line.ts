import type { BatchSummary } from './batch-summary.js';

/**
 * The JSON object the handler logs once per batch: the {@link BatchSummary}, plus the name of the Lambda
 * function that wrote it when the runtime gives one.
 *
 * `functionName` is what a CloudWatch Logs metric filter can take a dimension from (`$.functionName`):
 * filters take dimension values only from fields of the matched log event, so without it a metric from two
 * functions (a dev and a prod stack in one account and region) would be one metric.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html
 */
export interface SummaryLine extends BatchSummary {
  /**
   * The function's name, from the Lambda runtime's reserved `AWS_LAMBDA_FUNCTION_NAME` variable.
   * @defaultValue - absent when the variable is unset or empty (outside Lambda)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
   */
  readonly functionName?: string;
}

/**
 * Write a batch summary as the handler's log line: one line of JSON ending in `\n`. The summary's fields keep
 * their order and bytes; `functionName` follows them when given (non-empty), so a line without it is exactly
 * `JSON.stringify(summary)`. Pure: the caller reads the environment.
 *
 * @param summary - the batch summary from {@link transformFirehoseEvent}
 * @param functionName - the Lambda function's name (`process.env.AWS_LAMBDA_FUNCTION_NAME`), or undefined
 * @returns the line, newline included
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 * @example
 * ```ts
 * formatSummaryLine(summary, 'sales-dev-transform');
 * //=> '{"level":"INFO","message":"transformed Firehose batch",…,"firstFailures":[],"functionName":"sales-dev-transform"}\n'
 * ```
 */
export function formatSummaryLine(summary: BatchSummary, functionName: string | undefined): string {
  const line: SummaryLine = functionName === undefined || functionName === '' ? summary : { ...summary, functionName };
  return `${JSON.stringify(line)}\n`;
}
