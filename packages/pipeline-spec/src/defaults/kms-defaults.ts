import type { NumberSetting } from '../types';

/**
 * AWS KMS: the pipeline key's deletion waiting period, in days.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
 * @example
 * ```ts
 * KMS_DEFAULTS.deletionWindowDays; //=> { default: 30, min: 7, max: 30 }
 * ```
 */
export const KMS_DEFAULTS = {
  deletionWindowDays: { default: 30, min: 7, max: 30 },
} as const satisfies Record<string, NumberSetting>;
