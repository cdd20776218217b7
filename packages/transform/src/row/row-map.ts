/**
 * The `Map` that {@link toRow} returns. Its values are slices of the row line the encoder wrote,
 * and it keeps that line so {@link serializeRow} can give it back instead of writing the row a
 * second time; any change through `set`, `delete` or `clear` forgets it, so the line is only ever
 * used while it still says exactly what the map holds.
 */
export class RowMap extends Map<string, string> {
  #line: string | undefined;

  /**
   * @param line - the row line the values are sliced from
   * @param names - column names, in row order
   * @param bounds - start and end of each value in `line`: `[start0, end0, start1, end1, ...]`
   */
  constructor(line: string, names: readonly string[], bounds: readonly number[]) {
    super();
    for (let i = 0; i < names.length; i++) super.set(names[i] as string, line.slice(bounds[2 * i], bounds[2 * i + 1]));
    this.#line = line;
  }

  /** The line this row serializes to, while the row is unchanged; else undefined. */
  get line(): string | undefined {
    return this.#line;
  }

  override set(name: string, value: string): this {
    this.#line = undefined;
    return super.set(name, value);
  }

  override delete(name: string): boolean {
    this.#line = undefined;
    return super.delete(name);
  }

  override clear(): void {
    this.#line = undefined;
    super.clear();
  }
}
