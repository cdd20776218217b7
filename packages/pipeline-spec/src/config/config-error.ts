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
