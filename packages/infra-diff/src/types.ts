/** A JSON value as found in a synthesized `cdk.tf.json`. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** The synthesized Terraform JSON of every stack of one app, keyed by stack name. */
export type SynthesizedApp = Readonly<Record<string, JsonObject>>;

/**
 * What kind of block an address names: a managed `resource`, a `data` source, an `output`,
 * a `provider` configuration, a `terraform` setting (backend, required providers), a `variable`,
 * a `local` value, or any `other` top-level section (e.g. `moved`, `import`), compared whole.
 */
export type BlockKind = 'resource' | 'data' | 'output' | 'provider' | 'terraform' | 'variable' | 'local' | 'other';

/** One changed leaf of a block, `before`/`after` absent when the attribute is added/removed. */
export interface AttributeChange {
  /** Dotted path with list indices, e.g. `extended_s3_configuration.buffering_interval` or `attribute[1].type`. */
  readonly path: string;
  /** Value at the base ref; absent when the attribute is new. */
  readonly before?: Json;
  /** Value at the head ref; absent when the attribute was removed. */
  readonly after?: Json;
}

/** How serious a flagged change is for this pipeline. */
export type RiskEffect = 'replace' | 'data-loss';

/** A change that one of the rules in {@link CONSEQUENCE_RULES} flags. */
export interface Risk {
  /** `replace`: Terraform destroys and recreates the resource; `data-loss`: data is lost or orphaned. */
  readonly effect: RiskEffect;
  /** The attribute path that triggered the rule, or `null` for a removed resource. */
  readonly path: string | null;
  /** One line on what happens to the pipeline. */
  readonly consequence: string;
}

/** A block present at both refs whose configuration differs. */
export interface ChangedBlock {
  /** What kind of block it is. */
  readonly kind: BlockKind;
  /** Terraform address, e.g. `aws_s3_bucket.LakeBucket_Bucket_1A2B3C4D` or `output.table_name`. */
  readonly address: string;
  /** Resource or data source type, e.g. `aws_s3_bucket`; the block name for other kinds. */
  readonly type: string;
  /** Every changed leaf, depth first, keys sorted. */
  readonly changes: readonly AttributeChange[];
  /** The flagged consequences of these changes; empty for an ordinary update. */
  readonly risks: readonly Risk[];
}

/** A block present at only one of the two refs. */
export interface AddedOrRemovedBlock {
  /** What kind of block it is. */
  readonly kind: BlockKind;
  /** Terraform address, as in {@link ChangedBlock.address}. */
  readonly address: string;
  /** Resource or data source type; the block name for other kinds. */
  readonly type: string;
  /** The flagged consequences of removing it (always empty for an added block). */
  readonly risks: readonly Risk[];
}

/** The difference for one stack. Lists are sorted by address. */
export interface StackDiff {
  /** The stack name, e.g. `dev`. */
  readonly stack: string;
  /** `added`/`removed`: the whole stack exists at only one ref; `changed`/`unchanged` otherwise. */
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Blocks only at the head ref. */
  readonly added: readonly AddedOrRemovedBlock[];
  /** Blocks only at the base ref. */
  readonly removed: readonly AddedOrRemovedBlock[];
  /** Blocks at both refs that differ. */
  readonly changed: readonly ChangedBlock[];
  /** Counts of managed resources only, as `terraform plan` counts them. */
  readonly totals: { readonly added: number; readonly changed: number; readonly removed: number };
}

/** The difference between two synthesized apps, stacks sorted by name. */
export interface AppDiff {
  /** One entry per stack present at either ref. */
  readonly stacks: readonly StackDiff[];
}
