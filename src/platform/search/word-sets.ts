/**
 * The documents holding a search's words, as a set of slots, kept for the words searched most recently
 * (decision 0117). Finding them costs a pass over the full-text index's matches (a common word: a quarter of a
 * million documents at 1 M); people search the same few words again and again. A kept set is brought up to date
 * when next used: the documents changed since are asked of the full-text index again (one statement), so it
 * is never stale; one older than the changes remembered is dropped.
 */
import type { AttributeMemory } from './attribute-memory';
import { type Bitset, putBit, resized } from './bitset';

/** Word sets kept (at 1 M documents, 125 KiB each). */
const SETS_KEPT = 64;
/** Changed documents remembered for bringing kept sets up to date. */
const CHANGES_REMEMBERED = 20_000;

interface Kept {
  bits: Bitset;
  /** How many changes (`changes` below, counted from the first) it reflects. */
  upTo: number;
}

export class WordSets {
  private readonly kept = new Map<string, Kept>();
  private readonly changed: number[] = [];
  /** Changes forgotten from the front of `changed`. */
  private forgotten = 0;

  constructor(private readonly memory: AttributeMemory) {}

  /** Documents whose index entries changed (added, replaced or removed), as the memory applied them. */
  noteChanged(ids: readonly number[]): void {
    for (const id of ids) this.changed.push(id);
    const excess = this.changed.length - CHANGES_REMEMBERED;
    if (excess > 0) {
      this.changed.splice(0, excess);
      this.forgotten += excess;
    }
  }

  /**
   * The slots holding the words of `key`: found with `all` (every document holding them) the first time, kept,
   * and brought up to date with `among` (which of these documents hold them) afterwards.
   */
  async holding(
    key: string,
    all: () => Promise<number[]>,
    among: (docs: number[]) => Promise<number[]>,
  ): Promise<Bitset> {
    const now = this.forgotten + this.changed.length;
    let entry = this.kept.get(key);
    if (entry && entry.upTo < this.forgotten) entry = undefined;
    if (entry) {
      this.kept.delete(key);
      if (entry.upTo < now) {
        const docs = [...new Set(this.changed.slice(entry.upTo - this.forgotten))];
        const holding = new Set(await among(docs));
        if (entry.bits.length < this.memory.words) entry.bits = resized(entry.bits, this.memory.words);
        for (const doc of docs) {
          const slot = this.memory.slotOf(doc);
          if (slot >= 0) putBit(entry.bits, slot, holding.has(doc));
        }
        // Slots of removed documents stay set: every answer intersects with the live documents' sets.
        entry.upTo = now;
      }
    } else {
      entry = { bits: this.memory.slotsOf(await all()), upTo: now };
    }
    this.kept.set(key, entry);
    if (this.kept.size > SETS_KEPT) this.kept.delete(this.kept.keys().next().value!);
    return entry.bits;
  }
}
