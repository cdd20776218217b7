/**
 * What an access-denied answer says (the action and the resource) and which operator policy grants it.
 */
import { OPERATOR_OPERATIONS, type OperatorOperation, operatorPolicyName } from '@sales/pipeline-spec';

/** The action and resource an access-denied message names, when it names them. */
export interface DeniedAccess {
  /** E.g. `dynamodb:Scan`. */
  readonly action?: string | undefined;
  /** E.g. `arn:aws:dynamodb:eu-west-1:123456789012:table/sales-dev-orders`. */
  readonly resource?: string | undefined;
}

/**
 * IAM's wording: `User: <arn> is not authorized to perform: <action> on resource: <arn>[ because …]`; Athena and
 * others leave out the user or the resource.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
const NOT_AUTHORIZED = /not authorized to perform:? ([\w-]+:[\w*]+)(?: on resource:? ("[^"]+"|\S+))?/;

/**
 * Reads the action and the resource out of an access-denied message.
 *
 * @param message - The service's message.
 * @returns What it names; empty when it names nothing (S3 says only `Access Denied`).
 * @example
 * ```ts
 * readDeniedAccess('User: arn:aws:sts::1:assumed-role/ops/me is not authorized to perform: dynamodb:Scan on resource: arn:aws:dynamodb:eu-west-1:1:table/sales-dev-orders because no identity-based policy allows the dynamodb:Scan action');
 * //=> { action: 'dynamodb:Scan', resource: 'arn:aws:dynamodb:eu-west-1:1:table/sales-dev-orders' }
 * ```
 */
export function readDeniedAccess(message: string): DeniedAccess {
  const match = NOT_AUTHORIZED.exec(message);
  if (match === null) return {};
  const resource = match[2]?.replace(/^"|"$/g, '').replace(/[.,;]$/, '');
  return { action: match[1], resource: resource === 'the' ? undefined : resource };
}

/** `<prefix>-<env>-orders`, the table name `resourceNames` gives, so `<prefix>-<env>` can be read back from `--table`. */
const STACK_TABLE = /^(.+)-orders$/;

/**
 * The operator policy that grants a command's calls, named as `terraform output` and IAM show it: the physical
 * name when `--table` is the stack's table (`<prefix>-<env>-orders`), else the name's pattern.
 *
 * @param command - The subcommand.
 * @param table - `--table`, if given.
 * @returns E.g. `sales-dev-lake-reconcile (terraform output reconcile_policy_arn)`; `undefined` for a command
 *   without a policy.
 * @see docs/infrastructure.md, "Operator access"
 * @example
 * ```ts
 * operatorPolicyFor('reconcile', 'sales-dev-orders'); //=> 'sales-dev-lake-reconcile (terraform output reconcile_policy_arn)'
 * operatorPolicyFor('replay', undefined); //=> '<prefix>-<env>-lake-replay (terraform output replay_policy_arn)'
 * ```
 */
export function operatorPolicyFor(command: string, table: string | undefined): string | undefined {
  if (!(OPERATOR_OPERATIONS as readonly string[]).includes(command)) return undefined;
  const baseName = (table === undefined ? undefined : STACK_TABLE.exec(table)?.[1]) ?? '<prefix>-<env>';
  return `${operatorPolicyName(baseName, command as OperatorOperation)} (terraform output ${command}_policy_arn)`;
}
