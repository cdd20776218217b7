/**
 * The pull-request plan role, as the bootstrap stack synthesizes it, against the synthesized dev stack: it may make
 * every read `terraform plan` refreshes for each resource type the stack declares (one row per type in
 * PLAN_REFRESH_READS; a type without a row fails), read the state, and nothing that returns customer data.
 */
import { PLAN_REFRESH_READS } from '../../constructs/bootstrap/plan-refresh-reads';
import { BOOTSTRAP_VARS, synthBootstrap } from '../helpers/bootstrap';
import { resources, synthPipeline } from '../helpers/pipeline';
import { request } from './iam-request';
import { simulateRequest } from './simulate-request';
import { type PolicyDocument, stackFacts } from './stack-facts';

const { json } = synthPipeline('dev');
const facts = stackFacts(json);
const STATE_BUCKET = BOOTSTRAP_VARS.SALES_STATE_BUCKET;
const PLAN_ROLE = `arn:aws:iam::${facts.account.accountId}:role/sales-github-plan`;
// The plan role's inline policy from the synthesized bootstrap stack (it holds no token to resolve).
const bootstrap = synthBootstrap().json;
const planPolicy = Object.values(resources(bootstrap, 'aws_iam_role_policy')).find(
  (p) => p['name'] === 'sales-github-plan-policy',
);
const policy = JSON.parse(planPolicy?.['policy'] as string) as PolicyDocument;
const policies: Record<string, PolicyDocument> = { 'sales-github-plan-policy': policy };
const types = [...Object.keys(json.resource), ...Object.keys(json.data ?? {})].sort();
const simulated: Record<string, { requests: number; denied: number }> = {};

describe('the plan role', () => {
  test('every resource and data source type of the dev stack has a row of refresh reads', () => {
    expect(types.filter((type) => !Object.hasOwn(PLAN_REFRESH_READS, type))).toEqual([]);
  });

  test.each(types)('may make every refresh read of %s', async (type) => {
    const verdicts = [];
    for (const action of PLAN_REFRESH_READS[type]?.actions ?? [])
      verdicts.push(await simulateRequest(facts, PLAN_ROLE, policies, request(action, '*', `refresh ${type}`)));
    simulated[type] = { requests: verdicts.length, denied: verdicts.filter((v) => v.result !== 'Allowed').length };
    expect(verdicts.filter((v) => v.result !== 'Allowed').map((v) => `${v.result}: ${v.request.action}`)).toEqual([]);
  });

  test.each([
    ['s3:ListBucket', `arn:aws:s3:::${STATE_BUCKET}`],
    ['s3:GetObject', `arn:aws:s3:::${STATE_BUCKET}/sales/dev/terraform.tfstate`],
  ])('may read the state: %s on %s', async (action, resource) => {
    expect((await simulateRequest(facts, PLAN_ROLE, policies, request(action, resource, 'state'))).result).toBe(
      'Allowed',
    );
  });

  test.each([
    ['dynamodb:Scan', facts.tableArn],
    ['dynamodb:GetItem', facts.tableArn],
    ['dynamodb:Query', facts.tableArn],
    ['dynamodb:GetRecords', facts.tableStreamArn],
    ['s3:GetObject', `arn:aws:s3:::${facts.lakeBucket}/sales/year=2026/month=01/day=01/hour=00/x.json.gz`],
    ['s3:GetObject', `arn:aws:s3:::${facts.resultsBucket}/results/q-1.csv`],
    ['kms:Decrypt', facts.kmsKeyArn],
    ['kinesis:GetRecords', facts.kinesisStreamArn],
    ['s3:PutObject', `arn:aws:s3:::${STATE_BUCKET}/sales/dev/terraform.tfstate.tflock`],
    ['s3:PutObject', `arn:aws:s3:::${STATE_BUCKET}/sales/dev/terraform.tfstate`],
  ])('may not %s on %s', async (action, resource) => {
    const verdict = await simulateRequest(facts, PLAN_ROLE, policies, request(action, resource, 'negative control'));
    expect(verdict.result).toMatch(/Denied$/);
  });

  test('reports the reads simulated per type, none denied', () => {
    process.stdout.write(`IAM simulation, plan role: ${JSON.stringify(simulated)}\n`);
    expect(Object.values(simulated).every((row) => row.denied === 0)).toBe(true);
  });
});
