import { GITHUB_REPOSITORY_PATTERN } from '@sales/pipeline-spec';

/**
 * Trust policies for roles that GitHub Actions assumes with its OIDC token: pure functions, testable without synth.
 */

/** The issuer host of GitHub Actions' OIDC tokens, and the provider's URL. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
/** The audience `aws-actions/configure-aws-credentials` requests. */
export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';

/**
 * The `sub` claims of one repository's tokens, by the event the job runs for.
 *
 * @param repository - `<owner>/<repo>`
 * @returns the subjects: `pullRequest` (a job of a `pull_request` event), `environment(env)` (a job in that GitHub
 *   environment), `mainBranch` (a job on a push to `main` without an environment)
 * @throws Error when `repository` is not `<owner>/<repo>`
 * @see https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims
 * @example
 * ```ts
 * githubSubjects('acme/sales-pipeline').environment('prod'); //=> 'repo:acme/sales-pipeline:environment:prod'
 * ```
 */
export function githubSubjects(repository: string) {
  if (!GITHUB_REPOSITORY_PATTERN.test(repository))
    throw new Error(`repository must be <owner>/<repo>, received "${repository}"`);
  return {
    pullRequest: `repo:${repository}:pull_request`,
    environment: (environment: string) => `repo:${repository}:environment:${environment}`,
    mainBranch: `repo:${repository}:ref:refs/heads/main`,
  } as const;
}

/**
 * A trust policy letting GitHub Actions assume a role with `sts:AssumeRoleWithWebIdentity`, only with a token for
 * `sts.amazonaws.com` (`token.actions.githubusercontent.com:aud`) whose subject is one of `subjects`
 * (`token.actions.githubusercontent.com:sub`, `StringEquals`: no wildcard, so no other repository, branch, event or
 * environment matches).
 *
 * @param providerArn - the IAM OIDC provider's ARN (token)
 * @param subjects - the exact `sub` claims allowed
 * @returns the trust policy JSON
 * @throws Error when `subjects` is empty
 * @see https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub
 * @example
 * ```ts
 * JSON.parse(githubTrustPolicy('arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com', ['repo:a/b:pull_request']))
 *   .Statement[0].Condition;
 * //=> { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
 * //                     'token.actions.githubusercontent.com:sub': ['repo:a/b:pull_request'] } }
 * ```
 */
export function githubTrustPolicy(providerArn: string, subjects: readonly string[]): string {
  if (subjects.length === 0) throw new Error('a GitHub trust policy needs at least one subject, received none');
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE,
            [`${GITHUB_OIDC_HOST}:sub`]: [...subjects],
          },
        },
      },
    ],
  });
}
