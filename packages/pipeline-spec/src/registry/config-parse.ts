import { ConfigError } from './config-error';

/**
 * Parsers for configuration values read from environment variables. Each one takes the variable's
 * name and raw text and returns a typed value or throws a {@link ConfigError} that names both.
 */

/**
 * Parse a whole number within `[min, max]`.
 *
 * @param variable - variable name, for the error message
 * @param raw - the text received
 * @param min - smallest allowed value
 * @param max - largest allowed value
 * @returns the number
 * @throws ConfigError when `raw` is not a whole number in range
 * @example
 * ```ts
 * parseInteger('SALES_KINESIS_SHARDS', '4', 1, 4096); //=> 4
 * ```
 */
export function parseInteger(variable: string, raw: string, min: number, max: number): number {
  const value = /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(variable, raw, `a whole number between ${min} and ${max}`);
  }
  return value;
}

/**
 * Parse a decimal number within `[min, max]`.
 *
 * @param variable - variable name, for the error message
 * @param raw - the text received
 * @param min - smallest allowed value
 * @param max - largest allowed value
 * @returns the number
 * @throws ConfigError when `raw` is not a number in range
 * @example
 * ```ts
 * parseDecimal('SALES_LAMBDA_BUFFER_SIZE_MB', '0.5', 0.2, 3); //=> 0.5
 * ```
 */
export function parseDecimal(variable: string, raw: string, min: number, max: number): number {
  const value = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (Number.isNaN(value) || value < min || value > max) {
    throw new ConfigError(variable, raw, `a number between ${min} and ${max}`);
  }
  return value;
}

/**
 * Parse one of a closed set of values (case-sensitive).
 *
 * @param variable - variable name, for the error message
 * @param raw - the text received
 * @param choices - the allowed values
 * @returns the value, typed as one of `choices`
 * @throws ConfigError when `raw` is not one of `choices`
 * @example
 * ```ts
 * parseChoice('SALES_KINESIS_MODE', 'PROVISIONED', ['ON_DEMAND', 'PROVISIONED'] as const); //=> 'PROVISIONED'
 * ```
 */
export function parseChoice<T extends string>(variable: string, raw: string, choices: readonly T[]): T {
  const found = choices.find((choice) => choice === raw.trim());
  if (found === undefined) {
    throw new ConfigError(variable, raw, `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`);
  }
  return found;
}

/**
 * Parse `true` or `false` (any case).
 *
 * @param variable - variable name, for the error message
 * @param raw - the text received
 * @returns the boolean
 * @throws ConfigError for anything else
 * @example
 * ```ts
 * parseBoolean('SALES_DELETION_PROTECTION', 'false'); //=> false
 * ```
 */
export function parseBoolean(variable: string, raw: string): boolean {
  return parseChoice(variable, raw.toLowerCase(), ['true', 'false'] as const) === 'true';
}

/**
 * Check text against a pattern.
 *
 * @param variable - variable name, for the error message
 * @param raw - the text received
 * @param pattern - what the trimmed text must match
 * @param allowed - what the pattern means, for the error message
 * @returns the trimmed text
 * @throws ConfigError when `raw` does not match
 * @example
 * ```ts
 * parsePattern('SALES_REGION', 'eu-west-1', /^[a-z]{2}-[a-z]+-\d$/, 'an AWS region such as eu-west-1'); //=> 'eu-west-1'
 * ```
 */
export function parsePattern(variable: string, raw: string, pattern: RegExp, allowed: string): string {
  const value = raw.trim();
  if (!pattern.test(value)) throw new ConfigError(variable, raw, allowed);
  return value;
}

/** Tag keys and values AWS accepts (letters, digits, spaces and `_.:/=+-@`), up to 128/256 characters. */
const TAG_KEY = /^[\p{L}\p{N} _.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{N} _.:/=+\-@]{0,256}$/u;

/**
 * Parse tags written as `key=value,key2=value2`.
 *
 * @param variable - variable name, for the error message
 * @param raw - the text received
 * @returns the tags
 * @throws ConfigError for an entry without `=`, an empty key, or characters AWS does not allow
 * @example
 * ```ts
 * parseTags('SALES_TAGS', 'team=data,cost-center=42'); //=> { team: 'data', 'cost-center': '42' }
 * ```
 */
export function parseTags(variable: string, raw: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const separator = entry.indexOf('=');
    const key = separator > 0 ? entry.slice(0, separator).trim() : '';
    const value = entry.slice(separator + 1).trim();
    if (!TAG_KEY.test(key) || !TAG_VALUE.test(value) || key.startsWith('aws:')) {
      throw new ConfigError(
        variable,
        raw,
        'comma-separated key=value pairs of AWS tag characters (keys not starting with aws:)',
      );
    }
    tags[key] = value;
  }
  return tags;
}
