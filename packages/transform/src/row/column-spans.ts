/**
 * Where each column's value lies in the text a row was written into: what `toRow` needs to give
 * every column its own JSON text without writing any value twice.
 */
export class ColumnSpans {
  /** Column names, in row order. */
  readonly names: string[] = [];
  /** Start and end mark of each column's value: `[start0, end0, start1, end1, ...]`. */
  readonly bounds: number[] = [];

  /**
   * Record one column.
   *
   * @param name - its final name
   * @param start - sink mark before its value
   * @param end - sink mark after its value
   */
  add(name: string, start: number, end: number): void {
    this.names.push(name);
    this.bounds.push(start, end);
  }

  /** Forget every column (the writer rewound). */
  clear(): void {
    this.names.length = 0;
    this.bounds.length = 0;
  }
}
