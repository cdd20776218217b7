import { assessChange, assessRemoval } from '../../src/assess-risks';
import { CONSEQUENCE_RULES } from '../../src/rules';

const attributeRules = CONSEQUENCE_RULES.filter((rule) => rule.path !== null && rule.path !== '');
const removalRules = CONSEQUENCE_RULES.filter((rule) => rule.path === null);

describe('CONSEQUENCE_RULES', () => {
  test.each(attributeRules)('$type $path -> $effect', (rule) => {
    const block = { kind: rule.kind ?? 'resource', type: rule.type };
    const risks = assessChange(block, [{ path: `${rule.path}`, before: 'a', after: 'b' }], CONSEQUENCE_RULES);
    expect(risks).toContainEqual({ effect: rule.effect, path: rule.path, consequence: rule.consequence });
  });

  test.each(removalRules)('removing $type -> $effect', (rule) => {
    expect(assessRemoval({ kind: 'resource', type: rule.type }, CONSEQUENCE_RULES)).toEqual([
      { effect: rule.effect, path: null, consequence: rule.consequence },
    ]);
  });

  test('matches changes below a rule path, whatever the list index', () => {
    const risks = assessChange(
      { kind: 'resource', type: 'aws_kinesis_firehose_delivery_stream' },
      [
        {
          path: 'extended_s3_configuration[0].dynamic_partitioning_configuration[0].enabled',
          before: true,
          after: false,
        },
      ],
      CONSEQUENCE_RULES,
    );
    expect(risks.map((r) => r.effect)).toEqual(['replace']);
  });

  test('does not match a sibling attribute that shares a prefix', () => {
    const risks = assessChange(
      { kind: 'resource', type: 'aws_dynamodb_table' },
      [{ path: 'name_prefix', after: 'x' }],
      CONSEQUENCE_RULES,
    );
    expect(risks).toEqual([]);
  });

  test('leaves ordinary updates unflagged', () => {
    const risks = assessChange(
      { kind: 'resource', type: 'aws_lambda_function' },
      [
        { path: 'source_code_hash', before: 'a', after: 'b' },
        { path: 'memory_size', before: 256, after: 512 },
      ],
      CONSEQUENCE_RULES,
    );
    expect(risks).toEqual([]);
  });

  test('names each rule once per type and path', () => {
    const keys = CONSEQUENCE_RULES.map((rule) => `${rule.kind ?? 'resource'} ${rule.type} ${rule.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
