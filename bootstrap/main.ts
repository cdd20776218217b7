import { loadBootstrapConfig } from '@sales/pipeline-spec';
import { App } from 'cdktf';
import { BootstrapStack } from '../constructs/bootstrap/bootstrap-stack';

/**
 * The bootstrap app: one stack, `bootstrap`, from `loadBootstrapConfig(process.env)`. A separate app with its own
 * `cdktf.json` and output folder (`cdktf.out.bootstrap`), so the pipeline's `cdktf.out/stacks`, `infra:diff` and the
 * plan and deploy workflows never see it: it is deployed once, by an administrator (docs/review-and-release.md).
 */
const config = loadBootstrapConfig(process.env);
const app = new App();
new BootstrapStack(app, 'bootstrap', { config });
app.synth();
