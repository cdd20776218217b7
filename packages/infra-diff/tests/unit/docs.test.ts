import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONSEQUENCE_RULES } from '../../src/rules';
import { REPO_ROOT } from '../fixtures/git-repo';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs', 'review-and-release.md'), 'utf8');

describe('docs/review-and-release.md', () => {
  test.each(CONSEQUENCE_RULES)('lists the rule $type $path', (rule) => {
    const type = rule.kind === 'terraform' ? `terraform.${rule.type}` : rule.type;
    const when = rule.path === null ? 'resource removed' : rule.path === '' ? 'any change' : `\`${rule.path}\``;
    expect(DOC).toContain(`| \`${type}\` | ${when} | ${rule.effect} | ${rule.consequence} |`);
  });

  test('lists every pinned action with the version and commit the workflows use', () => {
    const workflows = path.join(REPO_ROOT, '.github', 'workflows');
    const pins = new Set<string>();
    for (const file of readdirSync(workflows)) {
      const text = readFileSync(path.join(workflows, file), 'utf8');
      for (const match of text.matchAll(/uses:\s*([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v[\d.]+)/g))
        pins.add(`| \`${match[1]}\` | ${match[3]} | \`${match[2]}\` |`);
    }
    expect(pins.size).toBeGreaterThan(0);
    for (const row of pins) expect(DOC).toContain(row);
  });
});
