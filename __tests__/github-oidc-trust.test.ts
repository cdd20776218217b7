import { githubSubjects, githubTrustPolicy } from '../constructs/bootstrap/github-oidc-trust';

const PROVIDER = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

describe('githubTrustPolicy', () => {
  test('pins the audience and the exact subjects, with no wildcard', () => {
    const subjects = githubSubjects('acme/sales-pipeline');
    const statement = JSON.parse(githubTrustPolicy(PROVIDER, [subjects.pullRequest])).Statement[0];
    expect(statement).toEqual({
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': ['repo:acme/sales-pipeline:pull_request'],
        },
      },
    });
  });

  test.each([
    ['pullRequest', githubSubjects('acme/sales-pipeline').pullRequest, 'repo:acme/sales-pipeline:pull_request'],
    [
      'environment',
      githubSubjects('acme/sales-pipeline').environment('prod'),
      'repo:acme/sales-pipeline:environment:prod',
    ],
    ['mainBranch', githubSubjects('acme/sales-pipeline').mainBranch, 'repo:acme/sales-pipeline:ref:refs/heads/main'],
  ])('%s subject is %s', (_name, subject, expected) => {
    expect(subject).toBe(expected);
  });

  test.each([['acme'], ['acme/*'], ['acme/sales:pipeline']])('rejects the repository %p', (repository) => {
    expect(() => githubSubjects(repository)).toThrow(`repository must be <owner>/<repo>, received "${repository}"`);
  });

  test('rejects an empty subject list', () => {
    expect(() => githubTrustPolicy(PROVIDER, [])).toThrow('at least one subject');
  });
});
