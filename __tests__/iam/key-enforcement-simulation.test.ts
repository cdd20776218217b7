/**
 * Negative controls for the stack key: every bucket the stack owns refuses an object written with another encryption
 * or another key (while a write that names none, or names the stack's key, stays allowed), and each role uses the key
 * only through the services it uses (`kms:ViaService`), evaluated against the synthesized dev stack.
 */
import { operatorPolicyName, type OperatorOperation } from '@sales/pipeline-spec';
import { synthPipeline } from '../helpers/pipeline';
import { type IamRequest, request } from './iam-request';
import { simulateRequest } from './simulate-request';
import { type PolicyDocument, stackFacts } from './stack-facts';

const facts = stackFacts(synthPipeline('dev').json);
const { accountId, region } = facts.account;
const OTHER_KEY = `arn:aws:kms:${region}:${accountId}:key/99999999-8888-7777-6666-555555555555`;
const SSE = 's3:x-amz-server-side-encryption';
const KEY_ID = 's3:x-amz-server-side-encryption-aws-kms-key-id';

/** A principal and its identity policies: a data-path role, or the operator with one command's managed policy. */
type Caller = readonly [arn: string, policies: Record<string, PolicyDocument>];
const role = (name: string): Caller => [facts.roles[name]!.arn, { [name]: facts.roles[name]!.policy }];
const operator = (operation: OperatorOperation): Caller => {
  const name = operatorPolicyName('sales-dev', operation);
  return [`arn:aws:iam::${accountId}:role/sales-dev-operator`, { [name]: facts.managedPolicies[name]! }];
};

const lakeObject = `arn:aws:s3:::${facts.lakeBucket}/sales/year=2026/month=01/day=01/hour=00/x.json.gz`;
const resultObject = `arn:aws:s3:::${facts.resultsBucket}/results/q-1.csv`;
const put = (arn: string, headers: Record<string, string>) => request('s3:PutObject', arn, 'control', headers);
const keyVia = (action: string, service: string | undefined) =>
  request(
    action,
    facts.kmsKeyArn,
    'control',
    service === undefined ? {} : { 'kms:ViaService': `${service}.${region}.amazonaws.com` },
  );

const verdict = async ([arn, policies]: Caller, req: IamRequest) =>
  (await simulateRequest(facts, arn, policies, req)).result;

describe('the buckets require the stack key', () => {
  test.each([
    ['Firehose, AES256', role('sales-dev-firehose'), put(lakeObject, { [SSE]: 'AES256' })],
    ['Firehose, another key', role('sales-dev-firehose'), put(lakeObject, { [SSE]: 'aws:kms', [KEY_ID]: OTHER_KEY })],
    ['Firehose, aws:kms without a key id (aws/s3)', role('sales-dev-firehose'), put(lakeObject, { [SSE]: 'aws:kms' })],
    ['backfill, AES256', operator('backfill'), put(lakeObject, { [SSE]: 'AES256' })],
    ['backfill, DSSE-KMS', operator('backfill'), put(lakeObject, { [SSE]: 'aws:kms:dsse', [KEY_ID]: facts.kmsKeyArn })],
    ['reconcile, AES256 on the results bucket', operator('reconcile'), put(resultObject, { [SSE]: 'AES256' })],
    [
      'reconcile, another key on the results bucket',
      operator('reconcile'),
      put(resultObject, { [SSE]: 'aws:kms', [KEY_ID]: OTHER_KEY }),
    ],
  ] as const)('denies a PutObject by %s', async (_name, caller, req) => {
    expect(await verdict(caller, req)).toBe('ExplicitlyDenied');
  });

  test.each([
    ['Firehose, no header (the bucket default)', role('sales-dev-firehose'), put(lakeObject, {})],
    [
      'Firehose, the stack key named',
      role('sales-dev-firehose'),
      put(lakeObject, { [SSE]: 'aws:kms', [KEY_ID]: facts.kmsKeyArn }),
    ],
    [
      'reconcile, Athena naming the stack key',
      operator('reconcile'),
      put(resultObject, { [SSE]: 'aws:kms', [KEY_ID]: facts.kmsKeyArn }),
    ],
  ] as const)('allows a PutObject by %s', async (_name, caller, req) => {
    expect(await verdict(caller, req)).toBe('Allowed');
  });
});

describe('each role uses the key only through its own services', () => {
  test.each([
    ['sales-dev-firehose', role('sales-dev-firehose'), keyVia('kms:Decrypt', 'sqs')],
    ['sales-dev-firehose', role('sales-dev-firehose'), keyVia('kms:Decrypt', undefined)],
    ['sales-dev-pipe', role('sales-dev-pipe'), keyVia('kms:Decrypt', 's3')],
    ['sales-dev-pipe', role('sales-dev-pipe'), keyVia('kms:Decrypt', 'kinesis')],
    ['sales-dev-crawler', role('sales-dev-crawler'), keyVia('kms:Decrypt', 'kinesis')],
    ['sales-dev-crawler', role('sales-dev-crawler'), keyVia('kms:Decrypt', undefined)],
    ['sales-dev-transform-lambda', role('sales-dev-transform-lambda'), keyVia('kms:Decrypt', 's3')],
    ['backfill', operator('backfill'), keyVia('kms:Decrypt', 'sqs')],
    ['reconcile', operator('reconcile'), keyVia('kms:Decrypt', 'kinesis')],
    ['replay', operator('replay'), keyVia('kms:Decrypt', undefined)],
    ['replay', operator('replay'), keyVia('kms:Decrypt', 'dynamodb')],
  ] as const)('denies %s %j', async (_name, caller, req) => {
    expect(await verdict(caller, req)).toMatch(/Denied$/);
  });

  test.each([
    ['sales-dev-firehose', role('sales-dev-firehose'), keyVia('kms:Decrypt', 'kinesis')],
    ['sales-dev-pipe', role('sales-dev-pipe'), keyVia('kms:Decrypt', 'sqs')],
    ['replay', operator('replay'), keyVia('kms:Decrypt', 'sqs')],
  ] as const)('allows %s %j', async (_name, caller, req) => {
    expect(await verdict(caller, req)).toBe('Allowed');
  });
});
