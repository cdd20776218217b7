import type { Json } from './types';

/** Longest rendered value before it is shortened in the middle. */
export const MAX_VALUE_LENGTH = 80;

/**
 * Renders a configuration value on one line for a review comment: JSON, shortened in the middle
 * (so both a hash's start and end stay visible) when longer than `maxLength`.
 *
 * @param value - the value, or `undefined` for an absent attribute
 * @param maxLength - longest result; {@link MAX_VALUE_LENGTH} when omitted
 * @returns the rendered value; `(none)` when absent
 * @example
 * formatValue('NEW_AND_OLD_IMAGES'); //=> '"NEW_AND_OLD_IMAGES"'
 * formatValue(undefined); //=> '(none)'
 */
export function formatValue(value: Json | undefined, maxLength = MAX_VALUE_LENGTH): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  if (text.length <= maxLength) return text;
  const keep = maxLength - 1;
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}

/**
 * Wraps text in a Markdown code span that survives backticks inside it.
 *
 * @param text - the text to show verbatim
 * @returns the code span
 * @example
 * codeSpan('a`b'); //=> '`` a`b ``'
 */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  if (longestRun === 0) return `\`${text}\``;
  const fence = '`'.repeat(longestRun + 1);
  return `${fence} ${text} ${fence}`;
}
