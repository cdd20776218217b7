import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countPlan, renderPlanSummary, type PlanJson } from '../../src/plan-summary';

const PLANS = path.join(__dirname, '..', 'fixtures', 'plans');
const readPlan = (stack: string): PlanJson =>
  JSON.parse(readFileSync(path.join(PLANS, stack, 'plan.json'), 'utf8')) as PlanJson;

describe('countPlan', () => {
  test('counts as terraform does: a replacement is one add and one destroy, reads and no-ops are not counted', () => {
    expect(countPlan('dev', readPlan('dev'))).toEqual({
      stack: 'dev',
      add: 2,
      change: 1,
      destroy: 2,
      replaced: [{ address: 'aws_dynamodb_table.SalesTable_Table_4A1B2C3D', paths: ['hash_key', 'attribute[0].name'] }],
      destroyed: ['aws_s3_bucket.Old_Bucket'],
    });
  });

  test('rejects a document that is not a JSON plan', () => {
    expect(() => countPlan('dev', { resource_changes: [] })).toThrow(
      'dev: not a terraform JSON plan of format 1.x, received format_version undefined',
    );
  });
});

describe('renderPlanSummary', () => {
  test('tabulates every stack and lists what is destroyed', () => {
    const markdown = renderPlanSummary([countPlan('dev', readPlan('dev')), countPlan('prod', readPlan('prod'))]);
    expect(markdown).toBe(
      [
        '## Terraform plan',
        '',
        '| Stack | Add | Change | Destroy |',
        '|---|---:|---:|---:|',
        '| `dev` | 2 | 1 | 2 |',
        '| `prod` | 0 | 0 | 0 |',
        '',
        '**`dev`** destroys:',
        '',
        '- `aws_dynamodb_table.SalesTable_Table_4A1B2C3D`: replaced (forced by `hash_key`, `attribute[0].name`)',
        '- `aws_s3_bucket.Old_Bucket`: destroyed',
        '',
      ].join('\n'),
    );
  });
});
