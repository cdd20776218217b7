/**
 * SQL rendered once, with marker values standing in for what only a run knows, turned into a Step Functions
 * `States.Format` intrinsic that puts the run's values back at the markers' places. The state machine then sends
 * exactly what the shared SQL definition renders, with no second copy of the SQL.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-generic
 */

/** A value the SQL needs at run time: the marker it was rendered with and the JSONPath that holds it. */
export interface RunTimeValue {
  /** Stands in for the value while the SQL is rendered; must occur nowhere else in the SQL. */
  readonly marker: string;
  /** Where the value is at run time, e.g. `$.run.runId` (a reference path, as intrinsic arguments take). */
  readonly path: string;
}

/**
 * A marker no SQL text contains: a NUL, the name, a NUL. The SQL never carries a control character, so a marker
 * cannot be confused with a literal.
 *
 * @param name - what the marker stands for
 * @returns the marker
 * @example
 * ```ts
 * marker('run_id'); //=> '\u0000run_id\u0000'
 * ```
 */
export function marker(name: string): string {
  return `\u0000${name}\u0000`;
}

/**
 * Escape a literal for an intrinsic function's string argument: `'`, `{`, `}` and `\` are reserved there and take a
 * backslash. (The definition's JSON encoding then doubles each backslash, as the documentation's examples show.)
 *
 * @param text - the literal text
 * @returns the escaped text
 * @example
 * ```ts
 * escapeIntrinsicString("WHERE op = 'remove'"); //=> "WHERE op = \\'remove\\'"
 * ```
 */
export function escapeIntrinsicString(text: string): string {
  return text.replace(/[\\'{}]/g, (character) => `\\${character}`);
}

/**
 * The Task parameter that sends `sql` with the run's values: `{ QueryString: sql }` when it holds no marker, else
 * `{ 'QueryString.$': "States.Format('…{}…', $.path, …)" }`, one `{}` and one argument per marker occurrence, in the
 * order they occur.
 *
 * @param sql - the rendered SQL, markers included
 * @param values - the run-time values the markers stand for
 * @returns the `QueryString` entry of a Task's `Parameters`
 * @throws Error when the SQL holds a NUL that is no known marker (a marker was mistyped or not listed)
 * @example
 * ```ts
 * queryStringParameter(`SELECT '${marker('run')}'`, [{ marker: marker('run'), path: '$.run.runId' }]);
 * //=> { 'QueryString.$': "States.Format('SELECT \\'{}\\'', $.run.runId)" }
 * ```
 */
export function queryStringParameter(sql: string, values: readonly RunTimeValue[]): Record<string, string> {
  const pieces: string[] = [];
  const paths: string[] = [];
  let rest = sql;
  for (;;) {
    const next = values
      .map((value) => ({ value, at: rest.indexOf(value.marker) }))
      .filter(({ at }) => at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (next === undefined) break;
    pieces.push(rest.slice(0, next.at));
    paths.push(next.value.path);
    rest = rest.slice(next.at + next.value.marker.length);
  }
  pieces.push(rest);
  if (pieces.some((piece) => piece.includes('\u0000')))
    throw new Error(`the SQL holds a marker with no run-time value: ${JSON.stringify(sql)}`);
  if (paths.length === 0) return { QueryString: sql };
  const template = pieces.map(escapeIntrinsicString).join('{}');
  return { 'QueryString.$': `States.Format('${template}', ${paths.join(', ')})` };
}
