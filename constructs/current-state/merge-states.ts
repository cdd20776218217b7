/**
 * The kinds of state the merge state machine is built from (Amazon States Language, JSONPath), each with its retry
 * and failure handling. Pure data: `merge-definition.ts` puts them in order.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
import { escapeIntrinsicString } from './intrinsic-format';

/** One state of the definition, as JSON. */
export type State = Readonly<Record<string, unknown>>;

/** The error name a failed run ends with; the cause names the step and carries the task's own error and cause. */
export const MERGE_FAILED_ERROR = 'CurrentStateMergeFailed';

/**
 * How long one Athena statement may take before Step Functions stops it: one hour, twice Athena's default DML query
 * timeout (30 minutes, which fails the query itself first), so the task never waits on a query Athena has forgotten.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/service-limits.html
 */
export const STATEMENT_TIMEOUT_SECONDS = 3600;

/**
 * Retrying a statement. A query Athena ends as `FAILED` (an Iceberg commit conflict, `ICEBERG_COMMIT_ERROR`, among
 * them) fails the `.sync` task with `States.TaskFailed`, its cause the query execution as JSON; `Retry` matches error
 * names only, and `States.TaskFailed` is also the wildcard for every task error but `States.Timeout`, so throttling
 * is retried too. Every statement is idempotent, so retrying one that fails for good costs at most three more runs of
 * it (10 MB billed each) before the run fails visibly. Backoff 20, 40, 80, 120 s with full jitter: a conflicting
 * writer (the compaction optimizer, a manual merge) has time to commit, and two retrying writers spread out.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg-managing-tables.html
 */
export const RETRY_FAILED_STATEMENT = {
  ErrorEquals: ['States.TaskFailed'],
  IntervalSeconds: 20,
  BackoffRate: 2,
  MaxAttempts: 4,
  MaxDelaySeconds: 120,
  JitterStrategy: 'FULL',
} as const;

/** Retrying a plain API call (listing executions, reading a result, publishing the metric): throttling and blips. */
export const RETRY_API_CALL = {
  ErrorEquals: ['States.TaskFailed'],
  IntervalSeconds: 2,
  BackoffRate: 2,
  MaxAttempts: 3,
  JitterStrategy: 'FULL',
} as const;

/** The failure state of step `step`: its name is `Failed_<step>`. */
export const failureStateName = (step: string): string => `Failed_${step}`;

/**
 * The `Fail` state a step's `Catch` leads to: the execution ends `FAILED` with {@link MERGE_FAILED_ERROR} and a cause
 * that starts with the step's name (a statement's name, e.g. `merge_current`) and carries what the task reported.
 *
 * @param step - the step's name, as it appears in the cause
 * @returns the state
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 */
export function failState(step: string): State {
  return {
    Type: 'Fail',
    Error: MERGE_FAILED_ERROR,
    CausePath: `States.Format('${escapeIntrinsicString(step)} failed: {}', States.JsonToString($.failure))`,
  };
}

/** The `Catch` every task has: any error (a timeout included) goes to its failure state, with the error at `$.failure`. */
const catchAll = (step: string) => [
  { ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: failureStateName(step) },
];

/** What an Athena statement runs in. */
export interface AthenaContext {
  /** `arn:<partition>:states:::` prefix's partition (token). */
  readonly partition: string;
  /** The workgroup (its configuration sets the results location and their encryption). */
  readonly workgroupName: string;
  /** The database unqualified table names resolve in. */
  readonly databaseName: string;
}

/**
 * A statement run with Athena's `.sync` integration: the task ends when the query does, `FAILED` included.
 *
 * @param athena - the workgroup and database
 * @param step - the step's name, for its failure state
 * @param queryString - the `QueryString` parameter (`queryStringParameter`)
 * @param next - the next state
 * @param resultSelector - what to keep of the query execution. @defaultValue - nothing (`ResultPath: null`)
 * @returns the state
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html
 */
export function athenaStatement(
  athena: AthenaContext,
  step: string,
  queryString: Record<string, string>,
  next: string,
  resultSelector?: { readonly resultPath: string; readonly selector: Record<string, string> },
): State {
  return {
    Type: 'Task',
    Resource: `arn:${athena.partition}:states:::athena:startQueryExecution.sync`,
    Parameters: {
      ...queryString,
      WorkGroup: athena.workgroupName,
      QueryExecutionContext: { Database: athena.databaseName },
    },
    TimeoutSeconds: STATEMENT_TIMEOUT_SECONDS,
    ...(resultSelector === undefined
      ? { ResultPath: null }
      : { ResultSelector: resultSelector.selector, ResultPath: resultSelector.resultPath }),
    Retry: [RETRY_FAILED_STATEMENT],
    Catch: catchAll(step),
    Next: next,
  };
}

/**
 * A request-response call (an optimized integration or an AWS SDK integration).
 *
 * @param step - the step's name, for its failure state
 * @param resource - the integration's ARN
 * @param fields - `Parameters`, and `ResultSelector`/`ResultPath` when the result is kept
 * @param next - the next state
 * @returns the state
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html
 */
export function apiCall(step: string, resource: string, fields: Record<string, unknown>, next: string): State {
  return {
    Type: 'Task',
    Resource: resource,
    ResultPath: null,
    ...fields,
    TimeoutSeconds: 60,
    Retry: [RETRY_API_CALL],
    Catch: catchAll(step),
    Next: next,
  };
}
