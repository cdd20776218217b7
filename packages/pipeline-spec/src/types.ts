/**
 * Account, region and partition of the stack, for writing ARNs without hard-coding an account:
 * account and partition are Terraform tokens from data sources (synthesis needs no credentials),
 * the region is the stack's configured region.
 */
export interface AwsContext {
  /** Account id token (`data.aws_caller_identity`). */
  readonly accountId: string;
  /** Region name: the provider's configured region (`PipelineConfig.region`). */
  readonly region: string;
  /** Partition token, e.g. `aws` (`data.aws_partition`). */
  readonly partition: string;
}

/** One IAM `Allow` statement. Actions are never wildcards; resources are ARNs (or `*` with a reason). */
export interface PolicyStatement {
  /** Statement id: what the statement is for, e.g. `ReadStream`. */
  readonly sid: string;
  /** Exact IAM actions, e.g. `kinesis:GetRecords`. */
  readonly actions: readonly string[];
  /** ARNs the actions apply to. */
  readonly resources: readonly string[];
  /** IAM condition block, e.g. `{ StringEquals: { 'aws:SourceAccount': '123456789012' } }`. */
  readonly conditions?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/**
 * A numeric setting's default and the range allowed for it: a numeric registry entry (`SETTINGS.pipeBatchSize`) or a
 * construct-only row of a `*-defaults.ts` table. The config parser, the constructs' checks and the docs read the same row.
 *
 * @example
 * ```ts
 * const batchSize: NumberSetting = { default: 100, min: 1, max: 500 };
 * ```
 */
export interface NumberSetting {
  /** The value used when nothing is configured. */
  readonly default: number;
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. */
  readonly max: number;
}

/**
 * A setting chosen from a closed list (`SETTINGS.kinesisStreamMode`).
 *
 * @example
 * ```ts
 * const mode: ChoiceSetting<'ON_DEMAND' | 'PROVISIONED'> = { default: 'ON_DEMAND', choices: ['ON_DEMAND', 'PROVISIONED'] };
 * ```
 */
export interface ChoiceSetting<T> {
  /** The value used when nothing is configured. */
  readonly default: T;
  /** Every allowed value. */
  readonly choices: readonly T[];
}
