import { assessChange, assessRemoval } from './assess-risks';
import { compareStrings, extractBlocks, type Block } from './blocks';
import { diffValues } from './diff-values';
import { CONSEQUENCE_RULES, type ConsequenceRule } from './rules';
import type { AddedOrRemovedBlock, AppDiff, ChangedBlock, JsonObject, StackDiff, SynthesizedApp } from './types';

function byAddress(stack: JsonObject | undefined): Map<string, Block> {
  return new Map((stack === undefined ? [] : extractBlocks(stack)).map((block) => [block.address, block]));
}

function summary(block: Block): { kind: Block['kind']; address: string; type: string } {
  return { kind: block.kind, address: block.address, type: block.type };
}

/**
 * Compares one stack at two refs.
 *
 * @param name - the stack name
 * @param base - the stack's `cdk.tf.json` at the base ref, `undefined` if the stack is new
 * @param head - the stack's `cdk.tf.json` at the head ref, `undefined` if the stack was deleted
 * @param rules - the consequence rules to flag with; {@link CONSEQUENCE_RULES} when omitted
 * @returns the stack's added, removed and changed blocks with their risks, and resource totals
 */
export function diffStack(
  name: string,
  base: JsonObject | undefined,
  head: JsonObject | undefined,
  rules: readonly ConsequenceRule[] = CONSEQUENCE_RULES,
): StackDiff {
  const before = byAddress(base);
  const after = byAddress(head);
  const added: AddedOrRemovedBlock[] = [];
  const removed: AddedOrRemovedBlock[] = [];
  const changed: ChangedBlock[] = [];
  for (const [address, block] of after) {
    if (!before.has(address)) added.push({ ...summary(block), risks: [] });
  }
  for (const [address, block] of before) {
    const next = after.get(address);
    if (next === undefined) {
      removed.push({ ...summary(block), risks: assessRemoval(block, rules) });
      continue;
    }
    const changes = diffValues(block.body, next.body);
    if (changes.length > 0) changed.push({ ...summary(block), changes, risks: assessChange(block, changes, rules) });
  }
  added.sort((a, b) => compareStrings(a.address, b.address));
  const count = (list: readonly { kind: string }[]): number => list.filter((b) => b.kind === 'resource').length;
  const status =
    base === undefined
      ? 'added'
      : head === undefined
        ? 'removed'
        : added.length + removed.length + changed.length === 0
          ? 'unchanged'
          : 'changed';
  return {
    stack: name,
    status,
    added,
    removed,
    changed,
    totals: { added: count(added), changed: count(changed), removed: count(removed) },
  };
}

/**
 * Compares every stack of an app synthesized at two refs — the pure core of `infra:diff`.
 *
 * @param base - stacks at the base ref, keyed by stack name
 * @param head - stacks at the head ref, keyed by stack name
 * @param rules - the consequence rules to flag with; {@link CONSEQUENCE_RULES} when omitted
 * @returns one {@link StackDiff} per stack present at either ref, sorted by stack name
 * @example
 * const diff = diffStacks({ dev: baseJson }, { dev: headJson });
 * diff.stacks[0].totals; //=> { added: 1, changed: 2, removed: 0 }
 */
export function diffStacks(
  base: SynthesizedApp,
  head: SynthesizedApp,
  rules: readonly ConsequenceRule[] = CONSEQUENCE_RULES,
): AppDiff {
  const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort(compareStrings);
  return { stacks: names.map((name) => diffStack(name, base[name], head[name], rules)) };
}
