import { Testing } from 'cdktf';
import { loadBootstrapConfig } from '@sales/pipeline-spec';
import { BootstrapStack } from '../../constructs/bootstrap/bootstrap-stack';
import type { SynthesizedStack } from './pipeline';
import { testApp } from './test-app';

/** What `npm run bootstrap:synth` needs: the repository whose workflows the roles trust, and the state bucket. */
export const BOOTSTRAP_VARS = {
  SALES_GITHUB_REPOSITORY: 'acme/sales-pipeline',
  SALES_STATE_BUCKET: 'acme-sales-tfstate',
} as const;

/**
 * Build the bootstrap stack from `vars` and synthesize it, running validations.
 *
 * @param vars - `SALES_*` variables. @defaultValue {@link BOOTSTRAP_VARS}
 * @returns the JSON text and its parsed form
 */
export function synthBootstrap(vars: Record<string, string> = BOOTSTRAP_VARS): {
  text: string;
  json: SynthesizedStack;
} {
  const stack = new BootstrapStack(testApp(), 'bootstrap', { config: loadBootstrapConfig(vars) });
  const text = Testing.synth(stack, true);
  return { text, json: JSON.parse(text) as SynthesizedStack };
}
