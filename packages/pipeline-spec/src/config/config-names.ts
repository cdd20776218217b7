import { ConfigError } from '../registry/config-error';
import { CONFIG_VARIABLES } from './config-variables';

/**
 * Names of `SALES_*` variables: every one that is set must be one the configuration reads, so a misspelt
 * name (`SALES_KINESIS_SHARD`, `SALES_PRODD_KINESIS_MODE`) stops the synth instead of being ignored.
 */

/** The prefix every configuration variable starts with. */
export const VARIABLE_PREFIX = 'SALES_';

/**
 * The variable that sets a setting for one environment: `SALES_<ENV>_<NAME>` when it is set, else `SALES_<NAME>`.
 * Blank values count as unset.
 *
 * @param environment - the environment, e.g. `prod`
 * @param name - the variable's name after `SALES_`, e.g. `KINESIS_MODE`
 * @param vars - the environment variables
 * @returns the name of the variable that applies and its raw text; `undefined` when neither is set
 * @example
 * ```ts
 * readVariable('prod', 'KINESIS_MODE', { SALES_KINESIS_MODE: 'ON_DEMAND', SALES_PROD_KINESIS_MODE: 'PROVISIONED' });
 * //=> { name: 'SALES_PROD_KINESIS_MODE', raw: 'PROVISIONED' }
 * ```
 */
export function readVariable(
  environment: string,
  name: string,
  vars: Readonly<Record<string, string | undefined>>,
): { name: string; raw: string } | undefined {
  for (const candidate of [`${VARIABLE_PREFIX}${environment.toUpperCase()}_${name}`, `${VARIABLE_PREFIX}${name}`]) {
    const raw = vars[candidate];
    if (raw !== undefined && raw.trim() !== '') return { name: candidate, raw };
  }
  return undefined;
}

/**
 * A `SALES_*` variable the configuration does not read, with the closest known name.
 *
 * @example
 * ```ts
 * new UnknownVariableError('SALES_KINESIS_SHARD', '4', 'SALES_KINESIS_SHARDS').message;
 * //=> 'SALES_KINESIS_SHARD is not a configuration variable (did you mean SALES_KINESIS_SHARDS?), received "4"'
 * ```
 */
export class UnknownVariableError extends ConfigError {
  /** The closest known name, if one is close. */
  readonly suggestion: string | undefined;

  /**
   * @param variable - the unknown name
   * @param received - its value
   * @param suggestion - the closest known name. @defaultValue - none is close enough
   */
  constructor(variable: string, received: string, suggestion?: string) {
    super(variable, received, 'a known configuration variable');
    this.name = 'UnknownVariableError';
    this.suggestion = suggestion;
    const hint =
      suggestion === undefined
        ? 'see docs/infrastructure.md, "Configuration reference"'
        : `did you mean ${suggestion}?`;
    this.message = `${variable} is not a configuration variable (${hint}), received ${JSON.stringify(received)}`;
  }
}

/**
 * Every variable name the configuration reads: `SALES_<NAME>` and `SALES_<ENV>_<NAME>` for each row of
 * {@link CONFIG_VARIABLES} and each environment.
 *
 * @param environments - environment names, e.g. `['dev', 'prod']`
 * @returns the names, sorted
 */
export function knownVariableNames(environments: readonly string[]): string[] {
  const scopes = ['', ...environments.map((environment) => `${environment.toUpperCase()}_`)];
  return scopes
    .flatMap((scope) => CONFIG_VARIABLES.map((variable) => `${VARIABLE_PREFIX}${scope}${variable.name}`))
    .sort();
}

/** Levenshtein distance between two strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known name closest to `name`, when it is within a few edits (a third of the name's length, at most 4).
 *
 * @param name - an unknown name
 * @param known - the known names
 * @returns the suggestion, or `undefined` when nothing is close
 * @example
 * ```ts
 * suggestVariable('SALES_PRODD_KINESIS_MODE', knownVariableNames(['dev', 'prod'])); //=> 'SALES_PROD_KINESIS_MODE'
 * ```
 */
export function suggestVariable(name: string, known: readonly string[]): string | undefined {
  const limit = Math.min(4, Math.floor((name.length - VARIABLE_PREFIX.length) / 3));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/**
 * Throw for the first (in name order) `SALES_*` variable that is set and not read by the configuration.
 *
 * @param vars - the environment
 * @param environments - environment names
 * @throws {@link UnknownVariableError} with a "did you mean" suggestion when one is close
 */
export function checkVariableNames(
  vars: Readonly<Record<string, string | undefined>>,
  environments: readonly string[],
): void {
  const known = new Set(knownVariableNames(environments));
  const unknown = Object.keys(vars)
    .filter((name) => name.startsWith(VARIABLE_PREFIX) && vars[name] !== undefined && !known.has(name))
    .sort();
  const first = unknown[0];
  if (first !== undefined) throw new UnknownVariableError(first, vars[first]!, suggestVariable(first, [...known]));
}
