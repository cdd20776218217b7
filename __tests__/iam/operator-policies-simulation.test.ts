/**
 * Every AWS call the `sales-lake` commands make, recorded from the real command code against documented responses,
 * mapped to its IAM requests, and evaluated against the synthesized dev stack: the command's managed operator policy,
 * the KMS key policy and the bucket and queue policies, with `@cloud-copilot/iam-simulate`. Every request must be
 * allowed; the negative controls prove the evaluation can deny.
 */
import { operatorPolicyName, type OperatorOperation } from '@sales/pipeline-spec';
import { synthPipeline } from '../helpers/pipeline';
import { request } from './iam-request';
import { OPERATOR_SCENARIOS, recordScenario } from './operator-scenarios';
import { recordSdkCalls, type RecordedCall } from './record-sdk-calls';
import { iamRequestsOf, UnmappedCallError } from './sdk-call-iam-map';
import { simulateRequest, type RequestVerdict } from './simulate-request';
import { stackFacts } from './stack-facts';

// The export poll waits 10 s between DescribeExport calls: the recorded runs do not wait.
jest.mock('node:timers/promises', () => ({
  ...jest.requireActual('node:timers/promises'),
  setTimeout: async () => undefined,
}));

const facts = stackFacts(synthPipeline('dev').json);
const OPERATOR = `arn:aws:iam::${facts.account.accountId}:role/sales-dev-operator`;
const policyOf = (operation: OperatorOperation) => {
  const name = operatorPolicyName('sales-dev', operation);
  return { [name]: facts.managedPolicies[name]! };
};
const recorder = recordSdkCalls('@sales/lake-ops');
afterAll(() => recorder.restore());

/** Each scenario's calls and verdicts, for the summary. */
const verdicts: Array<{ operation: OperatorOperation; calls: number; verdicts: RequestVerdict[] }> = [];

const describeVerdict = (v: RequestVerdict) =>
  `${v.result}: ${v.request.action} on ${v.request.resource} ${JSON.stringify(v.request.context)} (${v.request.cause})`;

describe.each(OPERATOR_SCENARIOS)('$name', (scenario) => {
  let calls: RecordedCall[] = [];

  test('runs to its expected end with every call answered', async () => {
    const run = await recordScenario(recorder, scenario, facts);
    calls = run.calls;
    expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({
      exitCode: scenario.exitCode,
      stderr: expect.any(String),
    });
    expect(calls.length).toBeGreaterThan(0);
  });

  test(`every call is allowed by the ${scenario.operation} policy`, async () => {
    const results: RequestVerdict[] = [];
    for (const [index, call] of calls.entries())
      for (const req of iamRequestsOf(call, calls.slice(0, index), facts))
        results.push(await simulateRequest(facts, OPERATOR, policyOf(scenario.operation), req));
    verdicts.push({ operation: scenario.operation, calls: calls.length, verdicts: results });
    expect(results.filter((v) => v.result !== 'Allowed').map(describeVerdict)).toEqual([]);
  });
});

describe('the evaluation', () => {
  test('fails on a command the map does not know', () => {
    const call = { client: 'S3', command: 'PutBucketPolicy', input: { Bucket: facts.lakeBucket } };
    expect(() => iamRequestsOf(call, [], facts)).toThrow(UnmappedCallError);
  });

  test.each([
    ['replay', request('dynamodb:Scan', facts.tableArn, 'negative control')],
    [
      'replay',
      request(
        's3:GetObject',
        `arn:aws:s3:::${facts.lakeBucket}/exports/AWSDynamoDB/x/manifest-summary.json`,
        'negative control',
      ),
    ],
    [
      'reconcile',
      request('s3:GetObject', `arn:aws:s3:::${facts.lakeBucket}/errors/processing-failed/x.gz`, 'negative control'),
    ],
    [
      'backfill',
      request('s3:ListBucket', `arn:aws:s3:::${facts.lakeBucket}`, 'negative control', { 's3:prefix': 'reconcile/' }),
    ],
    ['reconcile', request('cloudwatch:PutMetricData', '*', 'negative control', { 'cloudwatch:namespace': 'AWS/EC2' })],
    // merge commits only into this stack's database (Glue checks the database of a table action too), never writes
    // or deletes the change log, and reconcile never commits into orders_current.
    [
      'merge',
      request(
        'glue:UpdateTable',
        `arn:aws:glue:eu-west-1:${facts.account.accountId}:database/sales_staging`,
        'negative control',
      ),
    ],
    ['merge', request('s3:PutObject', `arn:aws:s3:::${facts.lakeBucket}/sales/x.json.gz`, 'negative control')],
    ['merge', request('s3:DeleteObject', `arn:aws:s3:::${facts.lakeBucket}/sales/x.json.gz`, 'negative control')],
    [
      'reconcile',
      request(
        'glue:UpdateTable',
        `arn:aws:glue:eu-west-1:${facts.account.accountId}:table/${facts.glueDatabase}/orders_current`,
        'negative control',
      ),
    ],
    [
      'backfill',
      {
        ...request('s3:GetObject', `arn:aws:s3:::${facts.lakeBucket}/sales/x.gz`, 'negative control'),
        context: { 'aws:SecureTransport': 'false' },
      },
    ],
  ] as const)('denies %s: %j', async (operation, req) => {
    const verdict = await simulateRequest(facts, OPERATOR, policyOf(operation), req);
    expect(verdict.result).toMatch(/Denied$/);
  });

  test('reports the calls simulated per policy, none denied', () => {
    const summary: Record<string, { calls: number; requests: number; denied: number }> = {};
    for (const { operation, calls, verdicts: results } of verdicts) {
      const name = operatorPolicyName('sales-dev', operation);
      summary[name] ??= { calls: 0, requests: 0, denied: 0 };
      const row = summary[name];
      row.calls += calls;
      row.requests += results.length;
      row.denied += results.filter((v) => v.result !== 'Allowed').length;
    }
    process.stdout.write(`IAM simulation, operator policies: ${JSON.stringify(summary)}\n`);
    expect(Object.keys(summary).sort()).toEqual([
      'sales-dev-lake-backfill',
      'sales-dev-lake-merge',
      'sales-dev-lake-reconcile',
      'sales-dev-lake-replay',
    ]);
    for (const row of Object.values(summary)) expect(row).toMatchObject({ denied: 0 });
  });
});
