import type { BlockKind, Json, JsonObject } from './types';

/** One addressable block of a synthesized stack, with cdktf metadata removed. */
export interface Block {
  readonly kind: BlockKind;
  readonly address: string;
  readonly type: string;
  readonly body: Json;
}

/** Key cdktf uses for its own metadata (construct path, unique id, stack name); never sent to Terraform. */
const METADATA_KEY = '//';

/**
 * Removes cdktf metadata (`"//"` keys, at any depth) from a synthesized JSON value.
 *
 * @param value - any part of a `cdk.tf.json`
 * @returns the same value without `"//"` keys; the input is not modified
 * @example
 * stripMetadata({ bucket: 'b', '//': { metadata: { path: 'dev/Bucket' } } }); //=> { bucket: 'b' }
 */
export function stripMetadata(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== METADATA_KEY) out[key] = stripMetadata(child);
  }
  return out;
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function typedBlocks(kind: 'resource' | 'data', section: JsonObject): Block[] {
  const prefix = kind === 'data' ? 'data.' : '';
  return Object.entries(section).flatMap(([type, byName]) =>
    isObject(byName)
      ? Object.entries(byName)
          .filter(([name]) => name !== METADATA_KEY)
          .map(([name, body]) => ({ kind, type, address: `${prefix}${type}.${name}`, body: stripMetadata(body) }))
      : [],
  );
}

function providerBlocks(section: JsonObject): Block[] {
  return Object.entries(section).flatMap(([type, configs]) => {
    const list = Array.isArray(configs) ? configs : [configs];
    return list.map((body, index) => {
      const alias =
        isObject(body) && typeof body.alias === 'string' ? body.alias : list.length > 1 ? String(index) : '';
      const address = alias === '' ? `provider.${type}` : `provider.${type}.${alias}`;
      return { kind: 'provider' as const, type, address, body: stripMetadata(body) };
    });
  });
}

function namedBlocks(
  kind: 'output' | 'variable' | 'local' | 'terraform',
  prefix: string,
  section: JsonObject,
): Block[] {
  return Object.entries(section)
    .filter(([name]) => name !== METADATA_KEY)
    .map(([name, body]) => ({ kind, type: name, address: `${prefix}.${name}`, body: stripMetadata(body) }));
}

/**
 * Splits a synthesized stack (`cdktf.out/stacks/<stack>/cdk.tf.json`) into addressable blocks.
 *
 * Resources are addressed as Terraform does (`aws_s3_bucket.Bucket`, `data.aws_iam_policy_document.Doc`),
 * outputs as `output.<name>`, variables as `var.<name>`, locals as `local.<name>`, providers as
 * `provider.<type>[.<alias>]`, terraform settings as `terraform.<setting>` (e.g. `terraform.backend`).
 *
 * @param stack - the parsed `cdk.tf.json`
 * @returns the blocks, metadata removed, in a stable order (sorted by address)
 */
export function extractBlocks(stack: JsonObject): Block[] {
  const blocks: Block[] = [];
  for (const [section, value] of Object.entries(stack)) {
    if (section === METADATA_KEY) continue;
    if (!isObject(value)) {
      blocks.push({ kind: 'other', type: section, address: section, body: stripMetadata(value) });
      continue;
    }
    switch (section) {
      case 'resource':
        blocks.push(...typedBlocks('resource', value));
        break;
      case 'data':
        blocks.push(...typedBlocks('data', value));
        break;
      case 'provider':
        blocks.push(...providerBlocks(value));
        break;
      case 'output':
        blocks.push(...namedBlocks('output', 'output', value));
        break;
      case 'variable':
        blocks.push(...namedBlocks('variable', 'var', value));
        break;
      case 'locals':
        blocks.push(...namedBlocks('local', 'local', value));
        break;
      case 'terraform':
        blocks.push(...namedBlocks('terraform', 'terraform', value));
        break;
      default:
        blocks.push({ kind: 'other', type: section, address: section, body: stripMetadata(value) });
    }
  }
  return blocks.sort((a, b) => compareStrings(a.address, b.address));
}

/**
 * Code-unit string comparison, independent of locale, for deterministic ordering.
 *
 * @returns negative, zero or positive as `a` sorts before, with or after `b`
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
