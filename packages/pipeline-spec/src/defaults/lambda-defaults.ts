import type { NumberSetting } from '../types';

/**
 * AWS Lambda: defaults and limits of the transform function.
 *
 * - `memoryMiB`: a 3 MB batch peaked at 90 MB RSS (docs/infrastructure.md), so 256 leaves 2.8x headroom.
 * - `timeoutSeconds`: Firehose stops waiting for the function after 5 minutes.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
 * @see https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html
 * @example
 * ```ts
 * LAMBDA_DEFAULTS.timeoutSeconds; //=> { default: 120, min: 60, max: 300 }
 * ```
 */
export const LAMBDA_DEFAULTS = {
  memoryMiB: { default: 256, min: 256, max: 10240 },
  timeoutSeconds: { default: 120, min: 60, max: 300 },
} as const satisfies Record<string, NumberSetting>;
