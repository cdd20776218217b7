import { MissingSettingError } from '../registry/config-error';
import type { StateBackendType } from '../registry/deploy-settings';

/**
 * Where Terraform keeps a stack's state, chosen from `SALES_STATE_BACKEND`, `SALES_STATE_BUCKET` and
 * `SALES_STATE_REGION`. `checkDeployReadiness` (deploy-readiness.ts) decides whether a local state is acceptable
 * where the synth runs.
 */

/** Where Terraform keeps the state of a stack. */
export type StateBackendConfig =
  | { readonly type: 'local' }
  | { readonly type: 's3'; readonly bucket: string; readonly region: string };

/** The state settings read from variables, each `undefined` when its variable is not set. */
export interface StateBackendSettings {
  /** From `SALES_STATE_BACKEND`. */
  stateBackendType?: StateBackendType;
  /** The variable that set {@link stateBackendType} (`SALES_STATE_BACKEND` or `SALES_<ENV>_STATE_BACKEND`). */
  stateBackendVariable?: string;
  /** From `SALES_STATE_BUCKET`. */
  stateBucket?: string;
  /** From `SALES_STATE_REGION`. */
  stateRegion?: string;
}

/**
 * The state backend the settings choose: the one `SALES_STATE_BACKEND` names, else S3 when a bucket is set, else
 * local. A bucket set beside an explicit `local` is ignored (`configWarnings` says so), so one bucket for every stack
 * can go with local state for one of them (`SALES_DEV_STATE_BACKEND=local`).
 *
 * @param settings - the state settings read from variables
 * @param stackRegion - the stack's region, where the state bucket is unless `SALES_STATE_REGION` says otherwise
 * @returns the backend
 * @throws MissingSettingError when `SALES_STATE_BACKEND` is `s3` and no bucket is set
 * @example
 * ```ts
 * resolveStateBackend({ stateBucket: 'acme-tf-state' }, 'eu-west-1');
 * //=> { type: 's3', bucket: 'acme-tf-state', region: 'eu-west-1' }
 * resolveStateBackend({ stateBackendType: 'local', stateBucket: 'acme-tf-state' }, 'eu-west-1'); //=> { type: 'local' }
 * ```
 */
export function resolveStateBackend(settings: StateBackendSettings, stackRegion: string): StateBackendConfig {
  const type = settings.stateBackendType ?? (settings.stateBucket === undefined ? 'local' : 's3');
  if (type === 'local') return { type: 'local' };
  if (settings.stateBucket === undefined) {
    const chosenBy = settings.stateBackendVariable ?? 'SALES_STATE_BACKEND';
    throw new MissingSettingError('SALES_STATE_BUCKET', `${chosenBy} is "s3", which needs a state bucket`);
  }
  return { type: 's3', bucket: settings.stateBucket, region: settings.stateRegion ?? stackRegion };
}
