import type { PipelineConfig } from './config';
import { readVariable, VARIABLE_PREFIX } from './config-names';

/**
 * Settings that are valid but have no effect with the chosen configuration, e.g. a shard count for an
 * on-demand stream (on-demand streams scale their own shards), a pipe batching window while the low-latency path
 * holds it at 0, or a state bucket for a stack whose `SALES_<ENV>_STATE_BACKEND` is `local`.
 *
 * @param config - the loaded configuration of one environment
 * @param vars - the environment it was loaded from
 * @returns one sentence per ignored variable that is set; empty when none
 * @see https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html
 * @example
 * ```ts
 * configWarnings(loadConfig('dev', { SALES_KINESIS_SHARDS: '4' }), { SALES_KINESIS_SHARDS: '4' });
 * //=> ['SALES_KINESIS_SHARDS is ignored for dev: its stream is ON_DEMAND (set SALES_KINESIS_MODE=PROVISIONED to use it)']
 * ```
 */
export function configWarnings(config: PipelineConfig, vars: Readonly<Record<string, string | undefined>>): string[] {
  const warnings: string[] = [];
  if (config.kinesisStreamMode === 'ON_DEMAND') {
    const scoped = `${VARIABLE_PREFIX}${config.environment.toUpperCase()}_KINESIS_SHARDS`;
    for (const name of [scoped, `${VARIABLE_PREFIX}KINESIS_SHARDS`]) {
      if (vars[name] === undefined || vars[name]!.trim() === '') continue;
      warnings.push(
        `${name} is ignored for ${config.environment}: its stream is ON_DEMAND (set ${VARIABLE_PREFIX}KINESIS_MODE=PROVISIONED to use it)`,
      );
      break;
    }
  }
  const window = readVariable(config.environment, 'PIPE_BATCHING_WINDOW_SECONDS', vars);
  if (config.recentPathEnabled && window !== undefined) {
    warnings.push(
      `${window.name} is ignored for ${config.environment}: the low-latency path sets the pipe's batching window to 0 (set ${VARIABLE_PREFIX}${config.environment.toUpperCase()}_RECENT_PATH=false to use it)`,
    );
  }
  const bucket = readVariable(config.environment, 'STATE_BUCKET', vars);
  if (config.stateBackend.type === 'local' && bucket !== undefined) {
    const chosenBy = readVariable(config.environment, 'STATE_BACKEND', vars)?.name ?? `${VARIABLE_PREFIX}STATE_BACKEND`;
    warnings.push(`${bucket.name} is ignored for ${config.environment}: ${chosenBy} is "local"`);
  }
  return warnings;
}
