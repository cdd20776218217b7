/**
 * A configuration value that cannot be used. Thrown by `loadConfig` before any stack is built,
 * so nothing is synthesized from a bad configuration.
 *
 * @example
 * ```ts
 * new ConfigError('SALES_KINESIS_MODE', 'fast', 'ON_DEMAND or PROVISIONED').message;
 * //=> 'SALES_KINESIS_MODE must be ON_DEMAND or PROVISIONED, received "fast"'
 * ```
 */
export class ConfigError extends Error {
  /** The variable (or setting) that holds the bad value. */
  readonly variable: string;
  /** The value as received. */
  readonly received: string;

  /**
   * @param variable - name of the environment variable (or setting) that was read
   * @param received - the raw value received
   * @param allowed - what is allowed, phrased to follow "must be"
   * @param options - `cause`, when a lower-level error explains more
   */
  constructor(variable: string, received: string, allowed: string, options?: ErrorOptions) {
    super(`${variable} must be ${allowed}, received ${JSON.stringify(received)}`, options);
    this.name = 'ConfigError';
    this.variable = variable;
    this.received = received;
  }
}

/**
 * A setting that must be set in this context and is not: its variable is unset or blank, so there is no value to
 * quote. The message names the variable and says why it is needed and what to set.
 *
 * @example
 * ```ts
 * new MissingSettingError('SALES_STATE_BUCKET', 'SALES_STATE_BACKEND is "s3", which needs a bucket').message;
 * //=> 'SALES_STATE_BUCKET is not set: SALES_STATE_BACKEND is "s3", which needs a bucket'
 * ```
 */
export class MissingSettingError extends ConfigError {
  /**
   * @param variable - the variable that must be set
   * @param reason - why it is needed here and what to do, phrased to follow "is not set: "
   */
  constructor(variable: string, reason: string) {
    super(variable, '', 'set');
    this.name = 'MissingSettingError';
    this.message = `${variable} is not set: ${reason}`;
  }
}
