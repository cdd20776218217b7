import { handler } from '@sales/transform';
import { loadConfig } from '../../constructs/config';
import { runLocalPipeline } from './src/pipeline';
(async () => {
  let now = Date.UTC(2025, 0, 15, 20);
  const t0 = performance.now();
  const run = await runLocalPipeline({ orders: 250, duplicates: 0.2, out: '/tmp/probe', seed: 'e2e', quiet: true },
    { handler, config: loadConfig('dev', {}), repoRoot: process.cwd(), clock: () => Date.now() + 0 * (now += 97_000) });
  console.log(JSON.stringify({ ...run.summary, shard_records: undefined }), Math.round(performance.now() - t0));
})();
