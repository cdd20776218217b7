/**
 * readQueryResults: every row of a succeeded SELECT, page by page, as objects keyed by column name.
 */
import { GetQueryResultsCommand, type AthenaClient, type Row } from '@aws-sdk/client-athena';

/**
 * Rows per GetQueryResults call: the API's maximum.
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_GetQueryResults.html (MaxResults)
 */
export const RESULT_ROWS_PER_PAGE = 1000;

/** One result row: each value is the datum's `VarCharValue` (every type arrives as text), or null when it has none. */
function toRecord(names: readonly string[], row: Row): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  names.forEach((name, index) => {
    record[name] = row.Data?.[index]?.VarCharValue ?? null;
  });
  return record;
}

/** Whether a row holds exactly the column names: the header row a SELECT's first page starts with. */
const isHeader = (names: readonly string[], row: Row | undefined): boolean =>
  row !== undefined &&
  row.Data?.length === names.length &&
  names.every((name, index) => row.Data?.[index]?.VarCharValue === name);

/**
 * Pages through `GetQueryResults` (`NextToken`) and returns the rows. The column names come from the first page's
 * `ResultSetMetadata.ColumnInfo`; the first row of a SELECT's first page repeats them (the header row) and is
 * dropped. A datum without `VarCharValue` is SQL NULL, and every other value is text (a BIGINT as its digits).
 *
 * @param client - The Athena client.
 * @param queryExecutionId - A SUCCEEDED SELECT.
 * @param signal - Aborts between and during pages.
 * @returns The rows, in result order.
 * @throws Error when the first page does not start with the header row (the result is not a SELECT's).
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_GetQueryResults.html
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_Datum.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/code-samples.html (the header row, in the SDK examples)
 * @example
 * ```ts
 * await readQueryResults(client, id, signal); //=> [{ side: 'lake', bucket: '17', keys: '2', checksum: '4071233' }, …]
 * ```
 */
export async function readQueryResults(
  client: AthenaClient,
  queryExecutionId: string,
  signal: AbortSignal,
): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  let names: string[] | undefined;
  let token: string | undefined;
  do {
    const page = await client.send(
      new GetQueryResultsCommand({
        QueryExecutionId: queryExecutionId,
        NextToken: token,
        MaxResults: RESULT_ROWS_PER_PAGE,
      }),
      { abortSignal: signal },
    );
    let rows = page.ResultSet?.Rows ?? [];
    if (names === undefined) {
      names = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((column) => column.Name ?? '');
      if (!isHeader(names, rows[0]))
        throw new Error(
          `Athena query ${queryExecutionId}: the first result row is not the header row (${names.join(', ')})`,
        );
      rows = rows.slice(1);
    }
    for (const row of rows) records.push(toRecord(names, row));
    token = page.NextToken;
  } while (token !== undefined);
  return records;
}
