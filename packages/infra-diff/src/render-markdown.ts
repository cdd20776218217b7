import { codeSpan, formatValue } from './format-value';
import type { AddedOrRemovedBlock, AppDiff, AttributeChange, ChangedBlock, Risk, StackDiff } from './types';

/** What the two synthesized sides were, as shown in the report heading. */
export interface DiffLabels {
  /** e.g. `origin/main` */
  readonly base: string;
  /** e.g. `working tree` or a ref */
  readonly head: string;
}

/** Most attribute lines listed per changed block before the rest are summarized. */
export const MAX_CHANGES_PER_BLOCK = 25;

const EFFECT_LABEL: Record<Risk['effect'], string> = { replace: 'replaces', 'data-loss': 'data loss' };

/**
 * The one-line resource total of a stack.
 *
 * @param stack - a stack diff
 * @returns `No changes.` when nothing differs, else `N added, N changed, N removed`
 * @example
 * totalLine(stack); //=> '1 added, 2 changed, 0 removed'
 */
export function totalLine(stack: StackDiff): string {
  if (stack.status === 'unchanged') return 'No changes.';
  const { added, changed, removed } = stack.totals;
  return `${added} added, ${changed} changed, ${removed} removed`;
}

function riskLines(address: string, risks: readonly Risk[]): string[] {
  return risks.map((risk) => {
    const where = risk.path === null ? 'removed' : codeSpan(risk.path === '' ? '(any)' : risk.path);
    return `> - **${EFFECT_LABEL[risk.effect]}** ${codeSpan(address)} ${where}: ${risk.consequence}`;
  });
}

function blockList(title: string, blocks: readonly AddedOrRemovedBlock[]): string[] {
  if (blocks.length === 0) return [];
  return ['', `**${title}**`, '', ...blocks.map((block) => `- ${codeSpan(block.address)}`)];
}

/** `added \`x\``, `removed \`x\`` or `` `a` -> `b` ``: an element present on one side only is named as such. */
function describeChange(change: AttributeChange): string {
  if (change.before === undefined) return `added ${codeSpan(formatValue(change.after))}`;
  if (change.after === undefined) return `removed ${codeSpan(formatValue(change.before))}`;
  return `${codeSpan(formatValue(change.before))} -> ${codeSpan(formatValue(change.after))}`;
}

function changedList(blocks: readonly ChangedBlock[]): string[] {
  if (blocks.length === 0) return [];
  const lines = ['', '**Changed**', ''];
  for (const block of blocks) {
    lines.push(`- ${codeSpan(block.address)}`);
    for (const change of block.changes.slice(0, MAX_CHANGES_PER_BLOCK)) {
      lines.push(`  - ${codeSpan(change.path)}: ${describeChange(change)}`);
    }
    const hidden = block.changes.length - MAX_CHANGES_PER_BLOCK;
    if (hidden > 0) lines.push(`  - … and ${hidden} more (see \`--json\`)`);
  }
  return lines;
}

function renderStack(stack: StackDiff): string[] {
  const note = stack.status === 'added' ? ' (new stack)' : stack.status === 'removed' ? ' (stack deleted)' : '';
  const lines = [`### Stack ${codeSpan(stack.stack)}${note}`, '', `**${totalLine(stack)}**`];
  if (stack.status === 'unchanged') return lines;
  const risks = [
    ...stack.removed.flatMap((block) => riskLines(block.address, block.risks)),
    ...stack.changed.flatMap((block) => riskLines(block.address, block.risks)),
  ];
  if (risks.length > 0)
    lines.push('', '> [!CAUTION]', '> These changes replace a resource or lose data:', '>', ...risks);
  lines.push(...blockList('Added', stack.added), ...blockList('Removed', stack.removed), ...changedList(stack.changed));
  return lines;
}

/**
 * Renders a diff as Markdown for a pull-request comment: per stack a heading, the one-line total,
 * the flagged risks first, then added, removed and changed blocks with `old -> new` values.
 *
 * @param diff - the result of {@link diffStacks}
 * @param labels - what the base and head sides were
 * @returns Markdown ending in a newline
 * @example
 * renderMarkdown(diffStacks(base, head), { base: 'origin/main', head: 'working tree' });
 * //=> '## Infrastructure diff: `origin/main` -> `working tree`\n\n### Stack `dev`\n\n**No changes.**\n'
 */
export function renderMarkdown(diff: AppDiff, labels: DiffLabels): string {
  const lines = [`## Infrastructure diff: ${codeSpan(labels.base)} -> ${codeSpan(labels.head)}`];
  if (diff.stacks.length === 0) lines.push('', 'No stacks were synthesized at either ref.');
  for (const stack of diff.stacks) lines.push('', ...renderStack(stack));
  return `${lines.join('\n')}\n`;
}
