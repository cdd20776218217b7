import { stripIndices } from './diff-values';
import type { ConsequenceRule } from './rules';
import type { AttributeChange, BlockKind, Risk } from './types';

interface BlockRef {
  readonly kind: BlockKind;
  readonly type: string;
}

function appliesTo(rule: ConsequenceRule, block: BlockRef): boolean {
  return (rule.kind ?? 'resource') === block.kind && rule.type === block.type;
}

function pathMatches(rulePath: string, changePath: string): boolean {
  const path = stripIndices(changePath);
  return rulePath === '' || path === rulePath || path.startsWith(`${rulePath}.`);
}

/**
 * Finds the rules that a changed block triggers: one {@link Risk} per matching rule, naming the
 * first changed path that matched it.
 *
 * @param block - the kind and type of the changed block
 * @param changes - its changed attributes
 * @param rules - the rule table, usually {@link CONSEQUENCE_RULES}
 * @returns the risks, in rule-table order; empty when the change is an ordinary update
 */
export function assessChange(
  block: BlockRef,
  changes: readonly AttributeChange[],
  rules: readonly ConsequenceRule[],
): Risk[] {
  return rules.flatMap((rule) => {
    if (rule.path === null || !appliesTo(rule, block)) return [];
    const hit = changes.find((change) => pathMatches(rule.path ?? '', change.path));
    return hit === undefined ? [] : [{ effect: rule.effect, path: hit.path, consequence: rule.consequence }];
  });
}

/**
 * Finds the rules that the removal of a block triggers (rules with `path: null`).
 *
 * @param block - the kind and type of the removed block
 * @param rules - the rule table, usually {@link CONSEQUENCE_RULES}
 * @returns the risks, in rule-table order
 */
export function assessRemoval(block: BlockRef, rules: readonly ConsequenceRule[]): Risk[] {
  return rules
    .filter((rule) => rule.path === null && appliesTo(rule, block))
    .map((rule) => ({ effect: rule.effect, path: null, consequence: rule.consequence }));
}
