import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnvironmentName } from '@sales/pipeline-spec';
import { synthBootstrap } from './helpers/bootstrap';
import { synthPipeline } from './helpers/pipeline';
import { findLocalTerraform, mapToProvider } from './helpers/terraform';
import { LAMBDA_RUNTIME } from '../constructs/data-path/transform-function';

// `terraform validate` against the real AWS provider, from a local filesystem mirror (never downloaded):
// the provider's own schema and validators judge every argument. Where no Terraform or no mirror is
// present (CI may have neither), the test's name says "skipped: no terraform".

const CASES: ReadonlyArray<[string, EnvironmentName, Record<string, string>]> = [
  ['dev defaults (with the low-latency path)', 'dev', {}],
  ['prod defaults (with the low-latency path)', 'prod', {}],
  ['dev without the low-latency path', 'dev', { SALES_RECENT_PATH: 'false' }],
  [
    'dev with provisioned Kinesis, S3 state backend, alarm e-mail and a 1-minute merge',
    'dev',
    {
      SALES_KINESIS_MODE: 'PROVISIONED',
      SALES_KINESIS_SHARDS: '2',
      SALES_STATE_BUCKET: 'acme-tf-state',
      SALES_ALARM_EMAIL: 'ops@example.com',
      SALES_FIREHOSE_BUFFER_INTERVAL_SECONDS: '900',
      SALES_MERGE_INTERVAL_MINUTES: '1',
      SALES_MERGE_STALE_AFTER_INTERVALS: '24',
    },
  ],
];

const terraform = findLocalTerraform();

interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly address?: string;
}

function run(binary: string, args: string[], cwd: string, cliConfig: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
  };
  delete env['TF_PLUGIN_CACHE_DIR'];
  return spawnSync(binary, args, { cwd, env, encoding: 'utf8' });
}

describe('mapToProvider', () => {
  test('maps only the version pin and nodejs24.x for a 5.x mirror, and only the pin for 6.x', () => {
    const stack = () => ({
      terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } } },
      resource: { aws_lambda_function: { Fn: { runtime: LAMBDA_RUNTIME, memory_size: 256 } } },
    });
    const v5 = stack();
    expect(mapToProvider(v5, '5.100.0')).toEqual([
      { path: 'terraform.required_providers.aws.version', from: '6.25.0', to: '5.100.0' },
      { path: 'resource.aws_lambda_function.Fn.runtime', from: 'nodejs24.x', to: 'nodejs22.x' },
    ]);
    expect(v5.resource.aws_lambda_function.Fn).toEqual({ runtime: 'nodejs22.x', memory_size: 256 });
    const v6 = stack();
    expect(mapToProvider(v6, '6.30.0')).toEqual([
      { path: 'terraform.required_providers.aws.version', from: '6.25.0', to: '6.30.0' },
    ]);
    expect(v6.resource.aws_lambda_function.Fn.runtime).toBe('nodejs24.x');
  });
});

if ('missing' in terraform) {
  test.skip(`skipped: no terraform (${terraform.missing}); terraform validate of dev, prod, a non-default stack and the bootstrap stack did not run`, () =>
    undefined);
} else {
  describe(`terraform ${terraform.version} validate against hashicorp/aws ${terraform.providerVersion} (local mirror)`, () => {
    /** `terraform init -backend=false` and `terraform validate` of one synthesized stack: no diagnostic, valid. */
    const validate = (stack: Record<string, any>) => {
      const dir = mkdtempSync(join(tmpdir(), 'sales-tf-validate-'));
      try {
        writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(stack, null, 2));
        const cliConfig = join(dir, 'cli.tfrc');
        writeFileSync(
          cliConfig,
          `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(terraform.mirror)}\n  }\n}\n`,
        );
        const init = run(terraform.binary, ['init', '-backend=false', '-input=false', '-no-color'], dir, cliConfig);
        expect({ init: init.status, stderr: init.stderr }).toEqual({ init: 0, stderr: '' });
        const result = JSON.parse(run(terraform.binary, ['validate', '-json', '-no-color'], dir, cliConfig).stdout) as {
          valid: boolean;
          diagnostics: Diagnostic[];
        };
        expect(result.diagnostics.map((d) => `${d.severity}: ${d.summary} (${d.address ?? ''})`)).toEqual([]);
        expect(result.valid).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };

    test.each(CASES)(
      '%s is valid',
      (_name, environment, vars) => {
        const stack = synthPipeline(environment, vars).json as unknown as Record<string, any>;
        const mappings = mapToProvider(stack, terraform.providerVersion);
        // What was mapped, so a reader sees it: the version pin, and nodejs24.x -> nodejs22.x on a 5.x provider.
        expect(mappings.map((m) => m.path.replace(/\.[A-Za-z0-9_]+\.runtime$/, '.<fn>.runtime'))).toEqual(
          Number(terraform.providerVersion.split('.')[0]) < 6
            ? ['terraform.required_providers.aws.version', 'resource.aws_lambda_function.<fn>.runtime']
            : expect.any(Array),
        );
        validate(stack);
      },
      120_000,
    );

    test('the bootstrap stack is valid', () => {
      const stack = synthBootstrap().json as unknown as Record<string, any>;
      const pinned = stack['terraform']['required_providers']['aws']['version'];
      // Only the version pin is mapped: the OIDC provider without thumbprint_list is valid from provider 5.81 on.
      expect(mapToProvider(stack, terraform.providerVersion).map((m) => m.path)).toEqual(
        pinned === terraform.providerVersion ? [] : ['terraform.required_providers.aws.version'],
      );
      validate(stack);
    }, 120_000);
  });
}
