import { App } from 'cdktf';
import { ENVIRONMENT_NAMES, loadConfig } from '@sales/pipeline-spec';
import { PipelineStack } from './constructs/stack/pipeline-stack';
import { bundleTransformHandler } from './constructs/data-path/transform-bundle';

/**
 * The cdktf app: one stack per environment (`dev`, `prod`), each from `loadConfig(env, process.env)`.
 * Every configuration is loaded (and validated) before the Lambda is bundled or a stack is built,
 * so a bad `SALES_*` value fails the synth before anything is written.
 */
const configs = ENVIRONMENT_NAMES.map((environment) => loadConfig(environment, process.env));
const bundle = bundleTransformHandler();
const app = new App();
for (const config of configs) {
  new PipelineStack(app, config.environment, { config, bundle });
}
app.synth();
