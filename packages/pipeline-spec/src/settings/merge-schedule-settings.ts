import type { AwsContext } from '../types';

/**
 * Pure settings of the scheduled merge that keeps `orders_current`: its names, its schedule expression and the metric
 * a successful merge publishes. Its roles' statements are in `merge-role-statements.ts`.
 */

/**
 * The merge state machine's name.
 *
 * @param baseName - `<prefix>-<environment>`
 * @returns the name
 * @example
 * ```ts
 * mergeStateMachineName('sales-dev'); //=> 'sales-dev-current-state-merge'
 * ```
 */
export function mergeStateMachineName(baseName: string): string {
  return `${baseName}-current-state-merge`;
}

/**
 * The state machine's ARN, built from its name, so a policy can name it before the state machine exists (its role's
 * policy must exist first: Step Functions checks the logging permissions when it creates the state machine).
 *
 * @param aws - account, region and partition
 * @param baseName - `<prefix>-<environment>`
 * @returns the ARN
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsstepfunctions.html#awsstepfunctions-resources-for-iam-policies
 * @example
 * ```ts
 * mergeStateMachineArn({ partition: 'aws', region: 'eu-west-1', accountId: '1' }, 'sales-dev');
 * //=> 'arn:aws:states:eu-west-1:1:stateMachine:sales-dev-current-state-merge'
 * ```
 */
export function mergeStateMachineArn(aws: AwsContext, baseName: string): string {
  return `arn:${aws.partition}:states:${aws.region}:${aws.accountId}:stateMachine:${mergeStateMachineName(baseName)}`;
}

/**
 * The metric a merge publishes once it has recorded its run: one datum of 1 per successful merge, never one for a run
 * that skipped because another merge was running. `CurrentStateStale` watches it; Step Functions'
 * `ExecutionsSucceeded` would also count the skipped runs, so a merge stuck for hours would hide behind them.
 */
export const MERGE_SUCCESS_METRIC = {
  namespace: 'SalesPipeline/CurrentState',
  metricName: 'MergesSucceeded',
  /** Dimension whose value is the state machine's name, so two stacks in one account alarm apart. */
  dimensionName: 'StateMachineName',
} as const;

/**
 * The schedule's EventBridge Scheduler rate expression: whole minutes, the unit singular for 1.
 *
 * @param intervalMinutes - `PipelineConfig.mergeIntervalMinutes`
 * @returns e.g. `rate(5 minutes)`
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#rate-based
 * @example
 * ```ts
 * mergeScheduleExpression(1); //=> 'rate(1 minute)'
 * mergeScheduleExpression(5); //=> 'rate(5 minutes)'
 * ```
 */
export function mergeScheduleExpression(intervalMinutes: number): string {
  return `rate(${intervalMinutes} ${intervalMinutes === 1 ? 'minute' : 'minutes'})`;
}
