import type { PolicyStatement } from '@sales/pipeline-spec';
import { PLAN_REFRESH_READS } from './plan-refresh-reads';

/** What the plan role's policy is scoped to. */
export interface PlanRoleResources {
  /** The state bucket (`SALES_STATE_BUCKET`). */
  readonly stateBucket: string;
  /** `config.namePrefix`: the stacks keep their state under `<namePrefix>/<stack>/terraform.tfstate`. */
  readonly namePrefix: string;
}

/**
 * What the pull-request plan role may do: the configuration reads `terraform plan` refreshes for every resource type
 * in {@link PLAN_REFRESH_READS}, and reading the stacks' state. It runs code from any collaborator's branch, so it
 * holds no data-plane read (no `dynamodb:Scan`/`GetItem`, no `s3:GetObject` outside the state, no `kms:Decrypt`) and
 * no write: plans run with `-lock=false`, so no lock object is written either.
 *
 * The refresh reads are on `*`: each is a configuration read, several have no resource-level permission
 * (`kms:ListAliases`, `logs:DescribeLogGroups`, `cloudwatch:DescribeAlarms`), and the KMS key's id is not known before
 * it exists. The state is SSE-KMS with the AWS managed key `aws/s3`, whose key policy already lets account principals
 * use it through S3, so no key grant is needed (a state bucket with a customer managed key needs `kms:Decrypt` through
 * S3 on it).
 *
 * @param r - the state bucket and the name prefix
 * @returns the statements
 * @see https://developer.hashicorp.com/terraform/language/backend/s3#s3-bucket-permissions
 * @example
 * ```ts
 * planRoleStatements({ stateBucket: 'acme-tfstate', namePrefix: 'sales' }).map((s) => s.sid);
 * //=> ['RefreshStackResources', 'ListState', 'ReadState']
 * ```
 */
export function planRoleStatements(r: PlanRoleResources): PolicyStatement[] {
  const reads = [...new Set(Object.values(PLAN_REFRESH_READS).flatMap((row) => row.actions))].sort();
  const bucket = `arn:aws:s3:::${r.stateBucket}`;
  return [
    { sid: 'RefreshStackResources', actions: reads, resources: ['*'] },
    { sid: 'ListState', actions: ['s3:ListBucket'], resources: [bucket] },
    { sid: 'ReadState', actions: ['s3:GetObject'], resources: [`${bucket}/${r.namePrefix}/*`] },
  ];
}
