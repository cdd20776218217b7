import { Testing } from 'cdktf';
import { join } from 'node:path';
import { loadConfig, type EnvironmentName } from '@sales/pipeline-spec';
import { PipelineStack } from '../../constructs/stack/pipeline-stack';
import { describeBundle, type TransformBundle } from '../../constructs/data-path/transform-bundle';
import { testApp } from './test-app';

/** A tiny, fixed stand-in for the transform bundle, so stack snapshots do not change with the handler. */
export const FIXTURE_BUNDLE: TransformBundle = describeBundle(join(__dirname, '..', 'fixtures', 'transform-bundle'));

/** Synthesized Terraform JSON, as far as the tests read it. */
export interface SynthesizedStack {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly output: Record<string, { value: string }>;
  readonly terraform: Record<string, unknown>;
  readonly provider: Record<string, unknown>;
  readonly data: Record<string, Record<string, unknown>>;
}

/**
 * Build one environment's stack from `vars` and synthesize it, running validations (and so the policy aspect).
 *
 * @returns the JSON text and its parsed form
 */
export function synthPipeline(
  environment: EnvironmentName,
  vars: Record<string, string> = {},
): { text: string; json: SynthesizedStack } {
  const app = testApp();
  const stack = new PipelineStack(app, environment, { config: loadConfig(environment, vars), bundle: FIXTURE_BUNDLE });
  const text = Testing.synth(stack, true);
  return { text, json: JSON.parse(text) as SynthesizedStack };
}

/** The only resource of `type` in a synthesized stack (fails when there are none or several). */
export function onlyResource(json: SynthesizedStack, type: string): Record<string, unknown> {
  const all = Object.values(json.resource[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0] as Record<string, unknown>;
}

/** Every resource of `type`, keyed by logical id. */
export function resources(json: SynthesizedStack, type: string): Record<string, Record<string, unknown>> {
  return json.resource[type] ?? {};
}

/** `${<type>.<logicalId>.<attribute>}` pattern for a reference to some resource of `type`. */
export function referenceTo(type: string, attribute: string): RegExp {
  return new RegExp(`^\\$\\{${type.replace(/\./g, '\\.')}\\.[A-Za-z0-9_]+\\.${attribute}\\}`);
}
