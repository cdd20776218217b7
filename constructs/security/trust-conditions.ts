/**
 * The condition keys each AWS service documents for the trust policy of a role it assumes. A key the
 * service does not send makes `sts:AssumeRole` fail: Glue's `CreateCrawler` checks the trust policy and
 * refuses the role, and Firehose cannot deliver. Pure data, read by `assumeRolePolicy` (what we write)
 * and by the policy aspect (what any role in the stack may use).
 */

/** Condition keys one service documents for its role's trust policy, and the one we set. */
export interface ServiceTrust {
  /** Every condition key the service documents for `sts:AssumeRole`; any other key is refused at synth. */
  readonly documentedKeys: readonly string[];
  /** The key set to the account id as a confused-deputy guard. @defaultValue - none: the service documents no key */
  readonly accountKey?: string;
  /** Where the service documents it. */
  readonly source: string;
}

/** The services that assume roles in this stack, with their documented trust-policy condition keys. */
export const SERVICE_TRUST: Readonly<Record<string, ServiceTrust>> = {
  'firehose.amazonaws.com': {
    documentedKeys: ['sts:ExternalId'],
    accountKey: 'sts:ExternalId',
    source:
      'https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html#using-iam-s3 (trust policy with "sts:ExternalId": "account-id")',
  },
  'glue.amazonaws.com': {
    documentedKeys: [],
    source:
      'https://docs.aws.amazon.com/glue/latest/dg/crawler-prereqs.html and create-an-iam-role.html (trust policy for the Glue principal, no condition)',
  },
  'pipes.amazonaws.com': {
    documentedKeys: ['aws:SourceAccount', 'aws:SourceArn'],
    accountKey: 'aws:SourceAccount',
    source:
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/pipes_pipe (example trust policy with aws:SourceAccount) and https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
  },
  'states.amazonaws.com': {
    documentedKeys: ['aws:SourceAccount', 'aws:SourceArn'],
    accountKey: 'aws:SourceAccount',
    source:
      'https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html (confused deputy prevention: aws:SourceAccount and aws:SourceArn in the execution role trust policy)',
  },
  'scheduler.amazonaws.com': {
    documentedKeys: ['aws:SourceAccount', 'aws:SourceArn'],
    accountKey: 'aws:SourceAccount',
    source:
      'https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role (trust policy with aws:SourceAccount and aws:SourceArn = the schedule group ARN)',
  },
  'lambda.amazonaws.com': {
    documentedKeys: ['aws:SourceAccount', 'aws:SourceArn'],
    accountKey: 'aws:SourceAccount',
    source:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html (global aws:SourceAccount / aws:SourceArn keys, set by Lambda when it assumes the execution role)',
  },
};

/**
 * The `Condition` block of a trust policy for `service`: its documented account key set to `accountId`, and
 * `aws:SourceArn` when given (EventBridge Scheduler documents the schedule group's ARN there), or nothing when the
 * service documents no key.
 *
 * @param service - service principal, e.g. `firehose.amazonaws.com`
 * @param accountId - the account that owns the role (token)
 * @param sourceArn - the only resource that may make the service assume the role. @defaultValue - no `aws:SourceArn`
 * @returns the condition block, or `undefined` for none
 * @throws Error when `service` is not in {@link SERVICE_TRUST}, or documents no `aws:SourceArn` and one is given
 * @example
 * ```ts
 * trustCondition('firehose.amazonaws.com', '123456789012'); //=> { StringEquals: { 'sts:ExternalId': '123456789012' } }
 * trustCondition('glue.amazonaws.com', '123456789012'); //=> undefined
 * ```
 */
export function trustCondition(
  service: string,
  accountId: string,
  sourceArn?: string,
): Record<string, Record<string, string>> | undefined {
  const trust = SERVICE_TRUST[service];
  if (trust === undefined)
    throw new Error(`service must be one of ${Object.keys(SERVICE_TRUST).join(', ')}, received ${service}`);
  if (sourceArn !== undefined && !trust.documentedKeys.includes('aws:SourceArn'))
    throw new Error(`${service} documents no aws:SourceArn condition, received sourceArn ${sourceArn}`);
  const equals = {
    ...(trust.accountKey === undefined ? {} : { [trust.accountKey]: accountId }),
    ...(sourceArn === undefined ? {} : { 'aws:SourceArn': sourceArn }),
  };
  return Object.keys(equals).length === 0 ? undefined : { StringEquals: equals };
}

/**
 * The statements of an IAM policy document, whether `Statement` is one object or a list.
 *
 * @param policy - the policy JSON text
 * @returns the statements, or `undefined` when the text is not JSON
 * @example
 * ```ts
 * policyStatements('{"Statement":{"Effect":"Allow"}}'); //=> [{ Effect: 'Allow' }]
 * ```
 */
export function policyStatements(policy: string): Array<Record<string, unknown>> | undefined {
  try {
    const document = JSON.parse(policy) as { Statement?: unknown };
    return ([] as unknown[])
      .concat(document.Statement ?? [])
      .filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null);
  } catch {
    return undefined;
  }
}

/**
 * Condition keys in a trust policy that its service principal does not document (apply-time rule:
 * `AssumeRole` fails on a key the service never sends), and documented guards that are missing.
 *
 * @param policy - the trust policy JSON text (tokens allowed inside values)
 * @returns one message per problem; empty when the policy is fine
 * @example
 * ```ts
 * trustPolicyViolations('{"Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"1"}}}]}');
 * //=> ['trust policy for glue.amazonaws.com uses condition key aws:SourceAccount, which it does not document (documented: none; see https://...)']
 * ```
 */
export function trustPolicyViolations(policy: string): string[] {
  const statements = policyStatements(policy);
  if (statements === undefined) return ['trust policy is not literal JSON, so its condition keys cannot be checked'];
  const messages: string[] = [];
  for (const statement of statements) {
    const principal = statement['Principal'] as { Service?: string | string[] } | undefined;
    const keys = Object.values((statement['Condition'] ?? {}) as Record<string, Record<string, unknown>>).flatMap(
      (block) => Object.keys(block),
    );
    for (const service of ([] as string[]).concat(principal?.Service ?? [])) {
      const trust = SERVICE_TRUST[service];
      if (trust === undefined) {
        messages.push(
          `trust policy names service ${service}, whose documented condition keys are not recorded in SERVICE_TRUST`,
        );
        continue;
      }
      const documented = trust.documentedKeys.length === 0 ? 'none' : trust.documentedKeys.join(', ');
      for (const key of keys.filter((k) => !trust.documentedKeys.includes(k))) {
        messages.push(
          `trust policy for ${service} uses condition key ${key}, which it does not document (documented: ${documented}; see ${trust.source})`,
        );
      }
      if (trust.accountKey !== undefined && !keys.includes(trust.accountKey)) {
        messages.push(
          `trust policy for ${service} lacks its documented confused-deputy condition ${trust.accountKey} (see ${trust.source})`,
        );
      }
    }
  }
  return messages;
}
