/**
 * A role trust policy document for tests: one `sts:AssumeRole` statement for a service principal.
 *
 * @param service - The service principal, e.g. `firehose.amazonaws.com`.
 * @param condition - The statement's `Condition` block, when the test needs one.
 * @returns The policy as JSON text, as `aws_iam_role.assume_role_policy` takes it.
 */
export const trustFor = (service: string, condition?: Record<string, Record<string, string>>): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: service },
        Action: 'sts:AssumeRole',
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });
