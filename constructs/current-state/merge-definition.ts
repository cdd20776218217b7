/**
 * The merge state machine's definition (Amazon States Language, JSONPath): one merge at a time, the window from the
 * merge log, then every statement `mergeStatements` renders, in order, each with its retries and its failure state,
 * then the success metric. The SQL is the shared definition's, rendered here once with markers for the run's values.
 */
import {
  ATHENA_MERGE_DIALECT,
  CURRENT_TABLE_NAME,
  MERGE_LOG_TABLE_NAME,
  MERGE_SUCCESS_METRIC,
  type MergeRun,
  type MergeTables,
  mergeStatements,
  mergeWindowQuery,
  PARTITION_KEYS,
  TABLE_NAME,
  TOMBSTONE_TABLE_NAME,
} from '@sales/pipeline-spec';
import { marker, queryStringParameter, type RunTimeValue } from './intrinsic-format';
import { type AthenaContext, apiCall, athenaStatement, failState, failureStateName, type State } from './merge-states';

/** What the definition is built from. */
export interface MergeDefinitionProps extends AthenaContext {
  /** How far back each window reaches, in seconds (`PipelineConfig.mergeLatenessSeconds`). */
  readonly latenessSeconds: number;
  /** The state machine's name: the success metric's dimension value. */
  readonly stateMachineName: string;
}

/** The relations the statements name: unqualified, resolved in the task's database (a token, never in the SQL). */
export const MERGE_TABLES: MergeTables = {
  dialect: ATHENA_MERGE_DIALECT,
  changes: `"${TABLE_NAME}"`,
  current: `"${CURRENT_TABLE_NAME}"`,
  tombstones: `"${TOMBSTONE_TABLE_NAME}"`,
  mergeLog: `"${MERGE_LOG_TABLE_NAME}"`,
};

/**
 * The run's values, where the state machine keeps them: the execution's name and start time (copied by `DescribeRun`),
 * and the window's first hour, one column per partition key in the window query's order (`ReadWindow`).
 */
export const RUN_VALUES = {
  runId: { marker: marker('run_id'), path: '$.run.runId' },
  readUntil: { marker: marker('read_until'), path: '$.run.readUntil' },
  ...Object.fromEntries(
    PARTITION_KEYS.map((key, index) => [key, { marker: marker(key), path: `$.window.start[${index}].VarCharValue` }]),
  ),
} as Readonly<Record<'runId' | 'readUntil' | (typeof PARTITION_KEYS)[number], RunTimeValue>>;

/**
 * The run with markers in place of its values: `window` null for a first merge (the whole log), markers otherwise.
 *
 * @param windowed - whether the run reads a window
 * @returns the run to render the statements with
 */
export function markedRun(windowed: boolean): MergeRun {
  const v = RUN_VALUES;
  return {
    mode: 'incremental',
    runId: v.runId.marker,
    readUntil: v.readUntil.marker,
    window: windowed ? { year: v.year.marker, month: v.month.marker, day: v.day.marker, hour: v.hour.marker } : null,
  };
}

/** Each statement of one branch, chained in order, the last one leading to `next`. */
function statementStates(p: MergeDefinitionProps, branch: string, windowed: boolean, next: string) {
  const statements = mergeStatements(MERGE_TABLES, markedRun(windowed));
  const name = (index: number) => `${branch}_${statements[index]!.name}`;
  const states: Record<string, State> = {};
  statements.forEach((statement, index) => {
    const step = name(index);
    const query = queryStringParameter(statement.sql, Object.values(RUN_VALUES));
    states[step] = athenaStatement(p, step, query, index + 1 < statements.length ? name(index + 1) : next);
    states[failureStateName(step)] = failState(step);
  });
  return { first: name(0), states };
}

/**
 * The definition.
 *
 * 1. `DescribeRun` copies the execution's name (the run id) and start time (how far the run reads the log).
 * 2. `CheckOtherMerges` lists this state machine's running executions, newest first, and keeps the oldest;
 *    `OldestMergeProceeds` lets only the oldest run on (or this one, when the listing does not show it yet); any
 *    other ends in `Skipped`, a success that publishes no metric.
 * 3. `RunNameIsSafe` refuses a run name with a `'` (a manual start's name ends up in a SQL literal).
 * 4. `FindWindow` runs the window query, `ReadWindow` reads its one row; a NULL hour (Athena leaves `VarCharValue`
 *    out) means no merge has succeeded yet: `WholeLog_*` merges the whole log, else `Window_*` the window.
 * 5. `RecordSuccess` publishes {@link MERGE_SUCCESS_METRIC}; `Merged`.
 *
 * @param p - workgroup, database, partition, lateness and name
 * @returns the definition as JSON data
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html
 */
export function mergeDefinition(p: MergeDefinitionProps): Record<string, unknown> {
  const wholeLog = statementStates(p, 'WholeLog', false, 'RecordSuccess');
  const window = statementStates(p, 'Window', true, 'RecordSuccess');
  const windowYear = RUN_VALUES.year.path;
  const sdk = (api: string) => `arn:${p.partition}:states:::aws-sdk:${api}`;
  const query = queryStringParameter(
    mergeWindowQuery(ATHENA_MERGE_DIALECT, MERGE_TABLES.mergeLog, p.latenessSeconds),
    [],
  );
  return {
    Comment: 'Merge the change log into orders_current, one run at a time',
    StartAt: 'DescribeRun',
    States: {
      DescribeRun: {
        Type: 'Pass',
        Parameters: { 'runId.$': '$$.Execution.Name', 'readUntil.$': '$$.Execution.StartTime' },
        ResultPath: '$.run',
        Next: 'CheckOtherMerges',
      },
      CheckOtherMerges: apiCall(
        'CheckOtherMerges',
        sdk('sfn:listExecutions'),
        {
          Parameters: { 'StateMachineArn.$': '$$.StateMachine.Id', StatusFilter: 'RUNNING' },
          ResultSelector: { 'oldest.$': '$.Executions[-1:]' },
          ResultPath: '$.running',
        },
        'OldestMergeProceeds',
      ),
      [failureStateName('CheckOtherMerges')]: failState('CheckOtherMerges'),
      OldestMergeProceeds: {
        Type: 'Choice',
        Choices: [
          { Not: { Variable: '$.running.oldest[0].ExecutionArn', IsPresent: true }, Next: 'RunNameIsSafe' },
          { Variable: '$.running.oldest[0].ExecutionArn', StringEqualsPath: '$$.Execution.Id', Next: 'RunNameIsSafe' },
        ],
        Default: 'Skipped',
      },
      Skipped: { Type: 'Succeed', Comment: 'An older merge is running; the next scheduled run carries on' },
      RunNameIsSafe: {
        Type: 'Choice',
        Choices: [{ Variable: '$.run.runId', StringMatches: "*'*", Next: 'RunNameRefused' }],
        Default: 'FindWindow',
      },
      RunNameRefused: {
        Type: 'Fail',
        Error: 'CurrentStateMergeRefused',
        Cause:
          "The execution's name holds a ', which the merge log's SQL literal cannot take; start it with another name",
      },
      FindWindow: athenaStatement(p, 'FindWindow', query, 'ReadWindow', {
        resultPath: '$.windowQuery',
        selector: { 'queryExecutionId.$': '$.QueryExecution.QueryExecutionId' },
      }),
      [failureStateName('FindWindow')]: failState('FindWindow'),
      ReadWindow: apiCall(
        'ReadWindow',
        `arn:${p.partition}:states:::athena:getQueryResults`,
        {
          Parameters: { 'QueryExecutionId.$': '$.windowQuery.queryExecutionId', MaxResults: 2 },
          ResultSelector: { 'start.$': '$.ResultSet.Rows[1].Data' },
          ResultPath: '$.window',
        },
        'WindowOrWholeLog',
      ),
      [failureStateName('ReadWindow')]: failState('ReadWindow'),
      WindowOrWholeLog: {
        Type: 'Choice',
        Choices: [
          { Not: { Variable: windowYear, IsPresent: true }, Next: wholeLog.first },
          { Variable: windowYear, StringEquals: '', Next: wholeLog.first },
        ],
        Default: window.first,
      },
      ...wholeLog.states,
      ...window.states,
      RecordSuccess: apiCall(
        'RecordSuccess',
        sdk('cloudwatch:putMetricData'),
        {
          Parameters: {
            Namespace: MERGE_SUCCESS_METRIC.namespace,
            MetricData: [
              {
                MetricName: MERGE_SUCCESS_METRIC.metricName,
                Dimensions: [{ Name: MERGE_SUCCESS_METRIC.dimensionName, Value: p.stateMachineName }],
                Value: 1,
                Unit: 'Count',
              },
            ],
          },
        },
        'Merged',
      ),
      [failureStateName('RecordSuccess')]: failState('RecordSuccess'),
      Merged: { Type: 'Succeed' },
    },
  };
}
