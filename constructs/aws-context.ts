/**
 * Account, region and partition of the stack, as Terraform tokens from data sources, so ARNs can be
 * written without hard-coding an account and synthesis needs no credentials.
 */
export interface AwsContext {
  /** Account id token (`data.aws_caller_identity`). */
  readonly accountId: string;
  /** Region name token (`data.aws_region`). */
  readonly region: string;
  /** Partition token, e.g. `aws` (`data.aws_partition`). */
  readonly partition: string;
}
