/**
 * Small collections that keep the planner linear in `count` and bounded in memory.
 */

/** A set of strings with O(1) add, remove and pick-by-index. */
export class IndexedSet {
  private readonly items: string[] = [];
  private readonly positions = new Map<string, number>();

  /** Number of members. */
  get size(): number {
    return this.items.length;
  }

  /**
   * Adds a member (no-op if present).
   * @param item - The member to add.
   */
  add(item: string): void {
    if (this.positions.has(item)) return;
    this.positions.set(item, this.items.length);
    this.items.push(item);
  }

  /**
   * The member at `index` (order changes on removal, deterministically).
   * @param index - From 0 to `size - 1`.
   * @returns The member.
   * @throws RangeError when `index` is out of range.
   */
  at(index: number): string {
    const item = this.items[index];
    if (item === undefined) throw new RangeError(`index ${index} out of range 0..${this.items.length - 1}`);
    return item;
  }

  /**
   * Removes a member if present, moving the last member into its slot.
   * @param item - The member to remove.
   */
  delete(item: string): void {
    const index = this.positions.get(item);
    if (index === undefined) return;
    const last = this.items.pop() as string;
    this.positions.delete(item);
    if (index < this.items.length) {
      this.items[index] = last;
      this.positions.set(last, index);
    }
  }
}

/** A FIFO of ids in creation order, compacted as it is consumed. */
export class RecentIds {
  private items: string[] = [];
  private head = 0;

  /**
   * Appends the newest id.
   * @param id - The id.
   */
  push(id: string): void {
    this.items.push(id);
  }

  /**
   * Removes and returns the oldest id.
   * @returns The oldest id.
   * @throws RangeError when empty.
   */
  shift(): string {
    const id = this.items[this.head];
    if (id === undefined) throw new RangeError('no ids left');
    this.head++;
    if (this.head >= 65_536 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return id;
  }
}
