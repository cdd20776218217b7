const render = (cell: unknown): string =>
  cell === null || cell === undefined ? 'NULL' : typeof cell === 'object' ? JSON.stringify(cell) : String(cell);

/**
 * Format rows as a plain-text table with a header rule; numbers right-aligned, long cells cut.
 *
 * @param columns - column names, in order
 * @param rows - row objects keyed by column name
 * @param maxRows - rows shown before a `… N more rows` line. @defaultValue 20
 * @param totalRows - rows of the whole result, when `rows` holds only its first ones. @defaultValue rows.length
 * @returns the table, lines joined with `\n`
 * @example
 * ```ts
 * formatTextTable(['region', 'revenue'], [{ region: 'EMEA', revenue: 12.5 }]);
 * //=> 'region  revenue\n------  -------\nEMEA       12.5'
 * ```
 */
export function formatTextTable(
  columns: readonly string[],
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  maxRows = 20,
  totalRows = rows.length,
): string {
  const shown = rows.slice(0, maxRows).map((row) => columns.map((column) => render(row[column]).slice(0, 48)));
  const numeric = columns.map(
    (column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number' || row[column] === null),
  );
  const widths = columns.map((column, i) => Math.max(column.length, ...shown.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const lines = [line(columns), widths.map((width) => '-'.repeat(width)).join('  '), ...shown.map(line)];
  if (totalRows > maxRows) lines.push(`… ${totalRows - maxRows} more rows`);
  return lines.join('\n');
}
