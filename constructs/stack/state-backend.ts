import { LocalBackend, S3Backend, type TerraformStack } from 'cdktf';
import type { PipelineConfig } from '@sales/pipeline-spec';

/**
 * The state backend of a stack: S3 with a lock file when a state bucket is configured, else a local
 * file at the repository root (`terraform.<stack>.tfstate`, relative to `cdktf.out/stacks/<stack>`).
 *
 * @param stack - the stack
 * @param config - the environment's configuration
 * @example
 * ```ts
 * addStateBackend(stack, loadConfig('prod', { SALES_STATE_BUCKET: 'acme-tf-state' }));
 * // terraform.backend.s3: { bucket: 'acme-tf-state', key: 'sales/prod/terraform.tfstate', encrypt: true, use_lockfile: true, ... }
 * ```
 */
export function addStateBackend(stack: TerraformStack, config: PipelineConfig): void {
  const stackName = stack.node.id;
  if (config.stateBackend.type === 's3') {
    const backend = new S3Backend(stack, {
      bucket: config.stateBackend.bucket,
      region: config.stateBackend.region,
      key: `${config.namePrefix}/${stackName}/terraform.tfstate`,
      encrypt: true,
    });
    // S3-native locking (Terraform >= 1.10); cdktf 0.21's S3BackendConfig predates the option.
    backend.addOverride('use_lockfile', true);
  } else {
    new LocalBackend(stack, { path: `../../../terraform.${stackName}.tfstate` });
  }
}
