import type { PolicyStatement } from '../types';

/**
 * An `Allow` to run queries in one Athena workgroup and read their state and results; `StopQueryExecution` lets a
 * caller cancel its query (Ctrl-C, a state machine's abort). Written once for every role and policy that queries.
 *
 * @param sid - the statement id
 * @param workgroupArn - the stack's workgroup (token)
 * @returns the statement
 * @see https://docs.aws.amazon.com/athena/latest/ug/example-policies-workgroup.html
 * @example
 * ```ts
 * workgroupQueryStatement('QueryInWorkgroup', 'arn:aws:athena:eu-west-1:123456789012:workgroup/sales-dev').actions[2];
 * //=> 'athena:StartQueryExecution'
 * ```
 */
export function workgroupQueryStatement(sid: string, workgroupArn: string): PolicyStatement {
  return {
    sid,
    actions: [
      'athena:GetQueryExecution',
      'athena:GetQueryResults',
      'athena:StartQueryExecution',
      'athena:StopQueryExecution',
    ],
    resources: [workgroupArn],
  };
}
