import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Finding a local Terraform and a filesystem mirror of the AWS provider, and mapping a synthesized stack
 * (pinned to provider 6.x) onto the mirror's version. Never downloads anything.
 */

/** A Terraform binary and a provider mirror found on this machine. */
export interface LocalTerraform {
  /** The `terraform` binary. */
  readonly binary: string;
  /** Its version, e.g. `1.11.4`. */
  readonly version: string;
  /** The mirror root (holds `registry.terraform.io/hashicorp/aws/<version>/<os>_<arch>/`). */
  readonly mirror: string;
  /** The AWS provider version in the mirror, e.g. `5.100.0`. */
  readonly providerVersion: string;
}

const PLATFORM = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;

/**
 * Look for `terraform` (`SALES_TERRAFORM`, then `PATH`) and an AWS provider mirror (`SALES_TF_PLUGIN_MIRROR`,
 * then `/opt/tf-plugins`) holding a `terraform-provider-aws_*` binary for this platform.
 *
 * @returns what was found, or a reason why not
 */
export function findLocalTerraform(): LocalTerraform | { missing: string } {
  const candidates = [
    process.env['SALES_TERRAFORM'],
    ...(process.env['PATH'] ?? '').split(delimiter).map((dir) => join(dir, 'terraform')),
  ];
  const binary = candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
  if (binary === undefined) return { missing: 'no terraform binary on PATH' };
  const run = spawnSync(binary, ['version', '-json'], { encoding: 'utf8' });
  if (run.status !== 0) return { missing: `${binary} version failed` };
  const version = (JSON.parse(run.stdout) as { terraform_version: string }).terraform_version;
  const mirror = process.env['SALES_TF_PLUGIN_MIRROR'] || '/opt/tf-plugins';
  const awsDir = join(mirror, 'registry.terraform.io', 'hashicorp', 'aws');
  const providerVersion = existsSync(awsDir)
    ? readdirSync(awsDir)
        .filter(
          (v) =>
            existsSync(join(awsDir, v, PLATFORM)) &&
            readdirSync(join(awsDir, v, PLATFORM)).some((f) => f.startsWith('terraform-provider-aws_')),
        )
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .at(-1)
    : undefined;
  if (providerVersion === undefined) return { missing: `no terraform-provider-aws for ${PLATFORM} in ${awsDir}` };
  return { binary, version, mirror, providerVersion };
}

/** One change made so a 6.x stack validates against the mirror's provider. */
export interface Mapping {
  /** JSON path of the value. */
  readonly path: string;
  /** Value in the synthesized stack. */
  readonly from: string;
  /** Value given to the mirror's provider. */
  readonly to: string;
}

/**
 * Map a synthesized stack onto the mirror's provider version, changing only what must change:
 * the `required_providers` version pin, and, for a 5.x provider, the `nodejs24.x` runtime, which 5.x
 * does not know (6.19 added it; 5.100's list ends at `nodejs22.x`). Every other argument is validated as
 * synthesized.
 *
 * @param stack - the parsed `cdk.tf.json` (mutated)
 * @param providerVersion - the mirror's AWS provider version
 * @returns the mappings applied, to report
 */
export function mapToProvider(stack: Record<string, any>, providerVersion: string): Mapping[] {
  const mappings: Mapping[] = [];
  const aws = stack['terraform']['required_providers']['aws'];
  if (aws.version !== providerVersion) {
    mappings.push({ path: 'terraform.required_providers.aws.version', from: aws.version, to: providerVersion });
    aws.version = providerVersion;
  }
  if (Number(providerVersion.split('.')[0]) < 6) {
    for (const [name, fn] of Object.entries<Record<string, unknown>>(
      stack['resource']?.['aws_lambda_function'] ?? {},
    )) {
      if (fn['runtime'] !== 'nodejs24.x') continue;
      mappings.push({ path: `resource.aws_lambda_function.${name}.runtime`, from: 'nodejs24.x', to: 'nodejs22.x' });
      fn['runtime'] = 'nodejs22.x';
    }
  }
  return mappings;
}
