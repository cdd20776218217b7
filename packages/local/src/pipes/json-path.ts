/**
 * Evaluate a dotted JSON path (`$.dynamodb.Keys.order_id.S`), the form EventBridge Pipes accepts
 * for dynamic target parameters such as the Kinesis partition key.
 *
 * @param document - the parsed event
 * @param path - `$` followed by `.name` segments
 * @returns the string found there, or `undefined` when the path is missing or not a string
 * @throws Error for a path that does not start with `$.`
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-target.html
 * @example
 * ```ts
 * readJsonPath({ a: { b: 'x' } }, '$.a.b'); //=> 'x'
 * ```
 */
export function readJsonPath(document: unknown, path: string): string | undefined {
  if (!path.startsWith('$.')) throw new Error(`JSON path must start with "$.", received "${path}"`);
  let node: unknown = document;
  for (const segment of path.slice(2).split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'string' ? node : undefined;
}
