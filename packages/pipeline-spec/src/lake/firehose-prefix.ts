/**
 * How Firehose turns the prefixes of `lake-layout.ts` into object keys: the expressions of a `Prefix` or
 * `ErrorOutputPrefix`, and the object name it appends. The local pipeline writes its lake with them, and tests
 * write objects where Firehose would.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html
 */

/** Values the expressions in a Firehose S3 prefix can refer to. */
export interface PrefixValues {
  /** Keys returned by the transform Lambda in `metadata.partitionKeys`. */
  readonly partitionKeys?: Readonly<Record<string, string>> | undefined;
  /** `!{timestamp:...}` instant: arrival time of the oldest record in the object, epoch ms. */
  readonly timestampMs: number;
  /** `!{firehose:error-output-type}`, e.g. `processing-failed`; only in an error prefix. */
  readonly errorOutputType?: string;
  /** `!{firehose:random-string}`: supplied by the caller so runs stay reproducible. */
  readonly randomString?: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Format a UTC instant with the subset of Java DateTimeFormatter patterns prefixes use. */
function formatTimestamp(pattern: string, date: Date): string {
  const fields: Record<string, string> = {
    yyyy: String(date.getUTCFullYear()),
    MM: pad(date.getUTCMonth() + 1),
    dd: pad(date.getUTCDate()),
    HH: pad(date.getUTCHours()),
    mm: pad(date.getUTCMinutes()),
    ss: pad(date.getUTCSeconds()),
  };
  return pattern.replace(
    /'([^']*)'|yyyy|MM|dd|HH|mm|ss/g,
    (token, literal: string | undefined) => literal ?? fields[token]!,
  );
}

/**
 * Evaluate a Firehose S3 `Prefix` or `ErrorOutputPrefix` as Firehose does: `!{timestamp:<pattern>}`
 * in UTC, `!{firehose:error-output-type}`, `!{firehose:random-string}` and
 * `!{partitionKeyFromLambda:<key>}`.
 *
 * @param template - the prefix as configured in the delivery stream
 * @param values - what the expressions resolve to
 * @returns the evaluated key prefix
 * @throws Error for an unknown namespace or a partition key the Lambda did not return
 * @see https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html
 * @example
 * ```ts
 * evaluatePrefix('errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/', {
 *   timestampMs: Date.UTC(2025, 0, 15), errorOutputType: 'processing-failed',
 * }); //=> 'errors/processing-failed/year=2025/'
 * ```
 */
export function evaluatePrefix(template: string, values: PrefixValues): string {
  const date = new Date(values.timestampMs);
  return template.replace(/!\{([^:}]+):([^}]*)\}/g, (expression, namespace: string, argument: string) => {
    if (namespace === 'timestamp') return formatTimestamp(argument, date);
    if (namespace === 'partitionKeyFromLambda') {
      const value = values.partitionKeys?.[argument];
      if (value === undefined)
        throw new Error(`the transform returned no partition key "${argument}" for ${expression}`);
      return value;
    }
    if (namespace === 'firehose' && argument === 'error-output-type' && values.errorOutputType !== undefined)
      return values.errorOutputType;
    if (namespace === 'firehose' && argument === 'random-string' && values.randomString !== undefined)
      return values.randomString;
    throw new Error(`cannot evaluate ${expression} in Firehose prefix "${template}"`);
  });
}

/**
 * The object name Firehose appends to the prefix:
 * `<stream>-<version>-<yyyy>-<MM>-<dd>-<HH>-<mm>-<ss>-<uuid><extension>` (not configurable in AWS).
 *
 * @param deliveryStreamName - the delivery stream's name
 * @param timestampMs - arrival time of the oldest record in the object
 * @param uuid - a unique id
 * @param extension - configured file extension, e.g. `.json.gz`
 * @returns the object's file name
 * @example
 * ```ts
 * objectFileName('sales-dev-changes', Date.UTC(2025, 0, 15, 10, 30, 11), 'c4ca4238-a0b9-4382-8dcc-509a6f75849b', '.json.gz');
 * //=> 'sales-dev-changes-1-2025-01-15-10-30-11-c4ca4238-a0b9-4382-8dcc-509a6f75849b.json.gz'
 * ```
 */
export function objectFileName(
  deliveryStreamName: string,
  timestampMs: number,
  uuid: string,
  extension: string,
): string {
  return `${deliveryStreamName}-1-${formatTimestamp("yyyy'-'MM'-'dd'-'HH'-'mm'-'ss", new Date(timestampMs))}-${uuid}${extension}`;
}
