import type { PolicyStatement } from '@sales/pipeline-spec';

/** What one environment's deploy role is scoped to. */
export interface DeployRoleResources {
  /** Account id (token). */
  readonly accountId: string;
  /** The state bucket. */
  readonly stateBucket: string;
  /** `config.namePrefix`. */
  readonly namePrefix: string;
  /** `dev` or `prod`. */
  readonly environment: string;
}

/** Services whose resources the stacks create, for the deploy role's broad grant. */
const MANAGED_SERVICES = [
  'athena',
  'cloudwatch',
  'dynamodb',
  'firehose',
  'glue',
  'kinesis',
  'kms',
  'lambda',
  'logs',
  'pipes',
  'scheduler',
  'sns',
  'sqs',
  'states',
] as const;

/**
 * What one environment's deploy role may do: `terraform apply` of that stack. Broad by design (it creates, changes
 * and destroys every resource type of the stack), with two limits that matter: IAM writes only on roles and policies
 * named `<prefix>-<env>-*` (so it cannot grant itself or anything else more), `iam:PassRole` only of those roles, and
 * state writes (the `.tflock` lock object included) only under `<prefix>/<env>/`. The service grants are `service:*`
 * on `*` because several create calls take no resource ARN (`kms:CreateKey`, `glue:CreateSecurityConfiguration`) and
 * names carry the account and region; a permissions boundary or an SCP can narrow them per account.
 *
 * @param r - the account, state bucket, prefix and environment
 * @returns the statements
 * @see https://developer.hashicorp.com/terraform/language/backend/s3#s3-bucket-permissions
 * @example
 * ```ts
 * deployRoleStatements({ accountId: '1', stateBucket: 's', namePrefix: 'sales', environment: 'dev' })[2].resources;
 * //=> ['arn:aws:iam::1:role/sales-dev-*', 'arn:aws:iam::1:policy/sales-dev-*']
 * ```
 */
export function deployRoleStatements(r: DeployRoleResources): PolicyStatement[] {
  const base = `${r.namePrefix}-${r.environment}`;
  const bucket = `arn:aws:s3:::${r.stateBucket}`;
  return [
    { sid: 'ManageStackServices', actions: MANAGED_SERVICES.map((s) => `${s}:*`), resources: ['*'] },
    // The stack's buckets are named `<prefix>-<env>-<purpose>-<account>-<region>`: no other bucket, the state bucket
    // included, is reachable through this statement.
    {
      sid: 'ManageStackBuckets',
      actions: ['s3:*'],
      resources: [`arn:aws:s3:::${base}-*`, `arn:aws:s3:::${base}-*/*`],
    },
    {
      sid: 'ManageStackRoles',
      actions: [
        'iam:CreateRole',
        'iam:DeleteRole',
        'iam:GetRole',
        'iam:UpdateRole',
        'iam:UpdateAssumeRolePolicy',
        'iam:TagRole',
        'iam:UntagRole',
        'iam:ListRolePolicies',
        'iam:ListAttachedRolePolicies',
        'iam:ListInstanceProfilesForRole',
        'iam:GetRolePolicy',
        'iam:PutRolePolicy',
        'iam:DeleteRolePolicy',
        'iam:CreatePolicy',
        'iam:DeletePolicy',
        'iam:GetPolicy',
        'iam:GetPolicyVersion',
        'iam:ListPolicyVersions',
        'iam:CreatePolicyVersion',
        'iam:DeletePolicyVersion',
        'iam:ListPolicyTags',
        'iam:TagPolicy',
        'iam:UntagPolicy',
        'iam:PassRole',
      ],
      resources: [`arn:aws:iam::${r.accountId}:role/${base}-*`, `arn:aws:iam::${r.accountId}:policy/${base}-*`],
    },
    { sid: 'ListState', actions: ['s3:ListBucket'], resources: [bucket] },
    {
      sid: 'ReadWriteStateAndLock',
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resources: [`${bucket}/${r.namePrefix}/${r.environment}/*`],
    },
  ];
}
