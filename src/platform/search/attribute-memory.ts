/**
 * A kind's attributes in memory, for listings and facet counts at bounded cost (decision 0117): each document
 * has a dense _slot_; a text attribute keeps a code per slot and a bitset per value, an integer attribute a number
 * per slot; a condition (`{ min: 10000 }`, `{ allBits: 4 }` …) becomes a bitset once and is kept (the most recently
 * used ones), updated slot by slot as documents change. A count is then a popcount of intersections, a word of
 * work per 32 documents, whatever the number of matches; a listing walks slots kept in the asked order.
 *
 * The same answers as the SQL of attribute-queries.ts (its tests compare both on random data): a null meets no
 * condition and is never counted by value; it orders as the dialect orders it.
 * Filled and kept in step by attribute-views.ts; this file does no I/O.
 */
import {
  and,
  type Bitset,
  clearBit,
  count,
  countAll,
  countAnd,
  countCodes,
  forEachSlot,
  hasBit,
  orInto,
  putBit,
  resized,
  setBit,
  wordsFor,
} from './bitset';
import type { SearchKind } from './kinds';
import { type SlotComparator, SlotOrder } from './slot-orders';
import type { AttributeCondition, AttributeOrder, AttributeValue, CountBy, SearchFilter } from './types';

interface TextColumn {
  type: 'text';
  /** Per slot: the value's code, 0 for null. */
  codes: Int32Array;
  /** By code (0 unused): the value and the slots holding it. */
  values: string[];
  bits: Bitset[];
  codeOf: Map<string, number>;
}

interface IntegerColumn {
  type: 'integer';
  /** Per slot; NaN for null. */
  values: Float64Array;
}

type Column = TextColumn | IntegerColumn;

interface CachedCondition {
  test: (slot: number) => boolean;
  bits: Bitset;
}

/** Conditions kept as bitsets (at 1 M documents, 125 KiB each). */
const CONDITIONS_KEPT = 160;
/** Ids below this find their slot in an array (4 bytes an id), others in a Map. */
const DENSE_IDS = 1 << 24;
/** Matches up to this many are sorted directly rather than found by walking a kept order. */
const SORT_DIRECTLY = 2048;

export class AttributeMemory {
  private capacity = 0;
  /** Slots handed out: a removed document leaves a hole (`wasteful` says when to start afresh). */
  private used = 0;
  private live = 0;
  private ids = new Uint32Array(0);
  /** The slots holding a document. */
  private alive: Bitset = new Uint32Array(0);
  private readonly columns: Column[];
  private readonly columnOf = new Map<string, number>();
  private slotById = new Int32Array(0);
  private readonly slotByLargeId = new Map<number, number>();
  private readonly conditions = new Map<string, CachedCondition>();
  private readonly orders = new Map<string, SlotOrder>();

  /**
   * `nullsLast`: a null orders above every value, as on PostgreSQL (last going up, first going down); below every
   * value otherwise, as on SQLite. Listings follow the dialect's SQL, so both ways of answering agree.
   */
  constructor(
    readonly kind: SearchKind,
    private readonly nullsLast = false,
  ) {
    this.columns = kind.attributeNames.map((name, i) => {
      this.columnOf.set(name, i);
      return kind.attributes[name] === 'text'
        ? { type: 'text', codes: new Int32Array(0), values: [''], bits: [new Uint32Array(0)], codeOf: new Map() }
        : { type: 'integer', values: new Float64Array(0) };
    });
  }

  /** Words a set of every slot handed out so far needs. */
  get words(): number {
    return wordsFor(this.capacity);
  }

  /** More holes than documents: reloading would halve the memory. */
  get wasteful(): boolean {
    return this.used - this.live > Math.max(4096, this.live);
  }

  /** The document's slot, -1 when it holds none. */
  slotOf(id: number): number {
    if (id < DENSE_IDS) return (this.slotById[id] ?? 0) - 1;
    return this.slotByLargeId.get(id) ?? -1;
  }

  private setSlotOf(id: number, slot: number): void {
    if (id >= DENSE_IDS) {
      if (slot < 0) this.slotByLargeId.delete(id);
      else this.slotByLargeId.set(id, slot);
      return;
    }
    if (id >= this.slotById.length) {
      const larger = new Int32Array(Math.max(1024, id + 1, this.slotById.length * 2));
      larger.set(this.slotById);
      this.slotById = larger;
    }
    this.slotById[id] = slot + 1;
  }

  private grow(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    const words = wordsFor(capacity);
    const ids = new Uint32Array(capacity);
    ids.set(this.ids);
    this.ids = ids;
    this.alive = resized(this.alive, words);
    for (const column of this.columns) {
      if (column.type === 'text') {
        const codes = new Int32Array(capacity);
        codes.set(column.codes);
        column.codes = codes;
        column.bits = column.bits.map((bits) => resized(bits, words));
      } else {
        const values = new Float64Array(capacity).fill(Number.NaN);
        values.set(column.values);
        column.values = values;
      }
    }
    for (const condition of this.conditions.values()) condition.bits = resized(condition.bits, words);
    this.capacity = capacity;
  }

  private codeFor(column: TextColumn, value: string): number {
    let code = column.codeOf.get(value);
    if (code === undefined) {
      code = column.values.length;
      column.values.push(value);
      column.bits.push(new Uint32Array(wordsFor(this.capacity)));
      column.codeOf.set(value, code);
    }
    return code;
  }

  private clearValues(slot: number): void {
    for (const column of this.columns) {
      if (column.type === 'text' && column.codes[slot]! > 0) clearBit(column.bits[column.codes[slot]!]!, slot);
    }
  }

  /** Adds or replaces a document: its attribute values in the kind's order. */
  put(id: number, values: readonly AttributeValue[]): void {
    let slot = this.slotOf(id);
    if (slot >= 0) {
      for (const order of this.orders.values()) order.remove(slot);
      this.clearValues(slot);
    } else {
      if (this.used === this.capacity) this.grow();
      slot = this.used++;
      this.setSlotOf(id, slot);
      this.ids[slot] = id;
      setBit(this.alive, slot);
      this.live++;
    }
    this.columns.forEach((column, i) => {
      const value = values[i] ?? null;
      if (column.type === 'integer') {
        column.values[slot] = value === null ? Number.NaN : Number(value);
        return;
      }
      const code = value === null ? 0 : this.codeFor(column, String(value));
      column.codes[slot] = code;
      if (code > 0) setBit(column.bits[code]!, slot);
    });
    for (const condition of this.conditions.values()) putBit(condition.bits, slot, condition.test(slot));
    for (const order of this.orders.values()) order.insert(slot);
  }

  delete(id: number): void {
    const slot = this.slotOf(id);
    if (slot < 0) return;
    for (const order of this.orders.values()) order.remove(slot);
    this.clearValues(slot);
    for (const condition of this.conditions.values()) clearBit(condition.bits, slot);
    clearBit(this.alive, slot);
    this.setSlotOf(id, -1);
    this.ids[slot] = 0;
    this.live--;
  }

  /** Forgets the kept orders (before many changes: re-sorting once is cheaper than moving each document). */
  dropOrders(): void {
    this.orders.clear();
  }

  /** The slots of these document ids (ids it does not hold are left out). */
  slotsOf(ids: Iterable<number>): Bitset {
    const bits = new Uint32Array(wordsFor(this.used));
    for (const id of ids) {
      const slot = this.slotOf(id);
      if (slot >= 0) setBit(bits, slot);
    }
    return bits;
  }

  private column(name: string): Column {
    const at = this.columnOf.get(name);
    if (at === undefined) throw new Error(`Search kind "${this.kind.name}" has no attribute "${name}"`);
    return this.columns[at]!;
  }

  /** Whether a stored value meets a condition, as SQL would say (a null meets none). */
  private predicate(column: Column, condition: AttributeCondition): (slot: number) => boolean {
    if (column.type === 'integer') {
      // Read column.values at each call, never a copy taken now: grow() replaces the array, and a condition
      // kept in this.conditions outlives it (a copy would test new documents against the old array).
      if ('in' in condition) {
        const wanted = new Set(condition.in.map(Number).filter((n) => !Number.isNaN(n)));
        return (slot) => wanted.has(column.values[slot]!);
      }
      if ('allBits' in condition) {
        const mask = condition.allBits;
        const small = mask >= 0 && mask <= 0x7fffffff;
        return (slot) => {
          const value = column.values[slot]!;
          if (Number.isNaN(value)) return false;
          if (small && Math.abs(value) <= 0x7fffffff) return (value & mask) === mask;
          return (BigInt(value) & BigInt(mask)) === BigInt(mask);
        };
      }
      const min = condition.min ?? Number.NEGATIVE_INFINITY;
      const max = condition.max ?? Number.POSITIVE_INFINITY;
      return (slot) => column.values[slot]! >= min && column.values[slot]! <= max;
    }
    const meets = textPredicate(condition);
    return (slot) => {
      const code = column.codes[slot]!;
      return code > 0 && meets(column.values[code]!);
    };
  }

  /** The slots meeting one condition (kept: callers must not change the set). */
  conditionBits(name: string, condition: AttributeCondition): Bitset {
    const key = `${name}\u0000${JSON.stringify(condition)}`;
    const kept = this.conditions.get(key);
    if (kept) {
      // Most recently used last: the first is the one to drop.
      this.conditions.delete(key);
      this.conditions.set(key, kept);
      return kept.bits;
    }
    const column = this.column(name);
    // A range without ends is no condition at all (SQL's `1 = 1`): nulls meet it too.
    const test = isOpenRange(condition)
      ? (slot: number) => hasBit(this.alive, slot)
      : this.predicate(column, condition);
    const bits = new Uint32Array(wordsFor(this.capacity));
    if (isOpenRange(condition)) orInto(bits, this.alive);
    else if (column.type === 'text') {
      const meets = textPredicate(condition);
      for (let code = 1; code < column.values.length; code++) {
        if (meets(column.values[code]!)) orInto(bits, column.bits[code]!);
      }
    } else {
      forEachSlot(this.alive, (slot) => {
        if (test(slot)) setBit(bits, slot);
      });
    }
    this.conditions.set(key, { test, bits });
    if (this.conditions.size > CONDITIONS_KEPT) this.conditions.delete(this.conditions.keys().next().value!);
    return bits;
  }

  /** The slots meeting every condition of the filter (and in `within`, when given). */
  matching(filter: SearchFilter | undefined, within?: Bitset): Bitset[] {
    const sets = Object.entries(filter ?? {}).map(([name, condition]) => this.conditionBits(name, condition));
    // A condition's set holds live slots only; `within` may hold removed ones (word-sets.ts).
    if (sets.length === 0) sets.push(this.alive);
    if (within) sets.push(within);
    return sets;
  }

  /** Whether a document is in every one of the sets. */
  holds(sets: Bitset[], id: number): boolean {
    const slot = this.slotOf(id);
    return slot >= 0 && sets.every((set) => hasBit(set, slot));
  }

  /** The intersection of the sets, to count and list from (one per filter in a view: attribute-views.ts). */
  matches(sets: Bitset[]): Matches {
    return new Matches(sets.length === 1 ? sets[0]! : and(sets[0]!, ...sets.slice(1)));
  }

  /** Per text attribute asked, its documents in `matches` by value code: one pass over the matches for them all. */
  private countCodesOf(matches: Matches, names: string[]): void {
    const columns = names.map((name) => this.column(name) as TextColumn);
    const counts = columns.map((column) => new Int32Array(column.values.length));
    if (columns.length === 1) countCodes(matches.bits, columns[0]!.codes, counts[0]!);
    else {
      const codes = columns.map((column) => column.codes);
      forEachSlot(matches.bits, (slot) => {
        for (let i = 0; i < codes.length; i++) counts[i]![codes[i]![slot]!]!++;
      });
    }
    for (const [i, name] of names.entries()) matches.codeCounts.set(name, counts[i]!);
  }

  countBy(matches: Matches, by: CountBy): Map<string, number> {
    const base = matches.bits;
    const counts = new Map<string, number>();
    if ('filters' in by) {
      for (const [name, filter] of Object.entries(by.filters)) {
        counts.set(
          name,
          countAll(
            base,
            this.matching(filter).filter((set) => set !== this.alive),
          ),
        );
      }
      return counts;
    }
    const column = this.column(by.attribute);
    if (column.type === 'integer') {
      const byValue = new Map<number, number>();
      forEachSlot(base, (slot) => {
        const value = column.values[slot]!;
        if (!Number.isNaN(value)) byValue.set(value, (byValue.get(value) ?? 0) + 1);
      });
      for (const [value, n] of byValue) counts.set(String(value), n);
      return counts;
    }
    const values = column.values.length - 1;
    if (matches.size * 5 < values * base.length * 3) {
      // Few matches for the number of values: visit the matches (about 3 ns each) rather than intersect every
      // value's set (about 1.8 ns a word of 32 documents). Asked a second attribute of the same matches (a search
      // page's facets without a filter of their own), every text attribute is counted in that one pass.
      if (!matches.codeCounts.has(by.attribute)) {
        const text = this.kind.attributeNames.filter(
          (name) => this.kind.attributes[name] === 'text' && !matches.codeCounts.has(name),
        );
        this.countCodesOf(matches, matches.codeCounts.size === 0 ? [by.attribute] : text);
      }
      const byCode = matches.codeCounts.get(by.attribute)!;
      for (let code = 1; code < byCode.length; code++)
        if (byCode[code]! > 0) counts.set(column.values[code]!, byCode[code]!);
      return counts;
    }
    for (let code = 1; code < column.values.length; code++) {
      const n = countAnd(base, column.bits[code]!);
      if (n > 0) counts.set(column.values[code]!, n);
    }
    return counts;
  }

  private comparator(order: AttributeOrder[]): SlotComparator {
    const keys = order.map(({ attribute, descending }) => ({
      column: this.column(attribute),
      sign: descending ? -1 : 1,
    }));
    const ids = () => this.ids;
    const nullRank = this.nullsLast ? 1 : -1;
    return (a, b) => {
      for (const { column, sign } of keys) {
        let difference: number;
        if (column.type === 'integer') {
          const x = column.values[a]!;
          const y = column.values[b]!;
          difference = Number.isNaN(x) ? (Number.isNaN(y) ? 0 : nullRank) : Number.isNaN(y) ? -nullRank : x - y;
        } else {
          const x = column.codes[a]! === 0 ? null : column.values[column.codes[a]!]!;
          const y = column.codes[b]! === 0 ? null : column.values[column.codes[b]!]!;
          difference = x === y ? 0 : x === null ? nullRank : y === null ? -nullRank : x < y ? -1 : 1;
        }
        if (difference !== 0) return sign * difference;
      }
      // The higher id first on ties, as the SQL orders.
      return ids()[b]! - ids()[a]!;
    };
  }

  /** Document ids of the matches in the asked order, a page of them. */
  list(matches: Matches, order: AttributeOrder[], offset: number, limit: number): number[] {
    const base = matches.bits;
    // A few matches are sorted directly even when a kept order exists: walking the kept order would visit every
    // slot to find them.
    if (matches.size <= SORT_DIRECTLY) {
      const slots: number[] = [];
      forEachSlot(base, (slot) => slots.push(slot));
      return slots
        .sort(this.comparator(order))
        .slice(offset, offset + limit)
        .map((slot) => this.ids[slot]!);
    }
    const key = JSON.stringify(order);
    let kept = this.orders.get(key);
    if (!kept) {
      const live: number[] = [];
      forEachSlot(this.alive, (slot) => live.push(slot));
      kept = new SlotOrder(this.comparator(order), live);
      this.orders.set(key, kept);
    }
    return kept.take((slot) => hasBit(base, slot), offset, limit).map((slot) => this.ids[slot]!);
  }
}

const isOpenRange = (condition: AttributeCondition) =>
  !('in' in condition) && !('allBits' in condition) && condition.min === undefined && condition.max === undefined;

/** A condition on a text attribute, as SQLite compares a text column with a bound value (as text). */
function textPredicate(condition: AttributeCondition): (value: string) => boolean {
  if ('in' in condition) {
    const wanted = new Set(condition.in.map(String));
    return (value) => wanted.has(value);
  }
  if ('allBits' in condition) {
    const mask = condition.allBits;
    return (value) => (Number.parseInt(value, 10) & mask) === mask;
  }
  const { min, max } = condition;
  return (value) => (min === undefined || value >= String(min)) && (max === undefined || value <= String(max));
}

/** The documents meeting one filter (and holding the words) in one view, with what was counted of them. */
export class Matches {
  private found: number | undefined;
  /** Per text attribute counted by a pass over the matches: counts by value code. */
  readonly codeCounts = new Map<string, Int32Array>();

  constructor(readonly bits: Bitset) {}

  get size(): number {
    this.found ??= count(this.bits);
    return this.found;
  }
}
