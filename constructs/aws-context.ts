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
