export { diffStacks, diffStack } from './diff-stacks';
export { diffValues, stripIndices } from './diff-values';
export { extractBlocks, stripMetadata, type Block } from './blocks';
export { CONSEQUENCE_RULES, type ConsequenceRule } from './rules';
export { assessChange, assessRemoval } from './assess-risks';
export { renderMarkdown, totalLine, MAX_CHANGES_PER_BLOCK, type DiffLabels } from './render-markdown';
export { renderJson, JSON_SCHEMA_VERSION } from './render-json';
export { formatValue, codeSpan, MAX_VALUE_LENGTH } from './format-value';
export type * from './types';
