import type { DiffLabels } from './render-markdown';
import type { AppDiff } from './types';

/** Version of the `--json` document layout; bumped on an incompatible change. */
export const JSON_SCHEMA_VERSION = 1;

/**
 * Renders a diff as a JSON document for tools: the labels, and every stack with its totals, added,
 * removed and changed blocks (full values, never shortened) and risks.
 *
 * @param diff - the result of {@link diffStacks}
 * @param labels - what the base and head sides were
 * @returns pretty-printed JSON ending in a newline
 * @example
 * JSON.parse(renderJson(diff, labels)).stacks[0].totals; //=> { added: 0, changed: 1, removed: 0 }
 */
export function renderJson(diff: AppDiff, labels: DiffLabels): string {
  return `${JSON.stringify({ version: JSON_SCHEMA_VERSION, base: labels.base, head: labels.head, stacks: diff.stacks }, null, 2)}\n`;
}
