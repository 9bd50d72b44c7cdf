/**
 * Slots kept sorted by an attribute order (newest first, highest salary first …), so a listing walks them and
 * stops after a page instead of sorting every match. Kept in step one document at a time (a binary search and a
 * move of the tail: about a millisecond at 1 M), made anew by a sort after bulk changes.
 */
export type SlotComparator = (a: number, b: number) => number;

export class SlotOrder {
  private slots: Int32Array;
  private length = 0;

  constructor(
    readonly compare: SlotComparator,
    live: Iterable<number>,
  ) {
    const all = Int32Array.from(live);
    all.sort(compare);
    this.slots = all;
    this.length = all.length;
  }

  /** Where `slot` is or would go (the first position not ranking before it). */
  private position(slot: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(this.slots[mid]!, slot) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Adds a slot by its current values. */
  insert(slot: number): void {
    if (this.length === this.slots.length) {
      const larger = new Int32Array(Math.max(64, this.slots.length * 2));
      larger.set(this.slots);
      this.slots = larger;
    }
    const at = this.position(slot);
    this.slots.copyWithin(at + 1, at, this.length);
    this.slots[at] = slot;
    this.length++;
  }

  /** Takes a slot out; call while its values are still those it was inserted with. */
  remove(slot: number): void {
    const at = this.position(slot);
    if (at < this.length && this.slots[at] === slot) {
      this.slots.copyWithin(at, at + 1, this.length);
      this.length--;
    }
  }

  /** The slots, in order, for which `keep` holds, skipping the first `offset` of them, at most `limit`. */
  take(keep: (slot: number) => boolean, offset: number, limit: number): number[] {
    const out: number[] = [];
    let skip = offset;
    for (let i = 0; i < this.length && out.length < limit; i++) {
      const slot = this.slots[i]!;
      if (!keep(slot)) continue;
      if (skip > 0) skip--;
      else out.push(slot);
    }
    return out;
  }
}
