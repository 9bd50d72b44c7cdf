import { IMPACT_SCALE } from './impacts';
import type { SearchHit } from './types';

/** A document worth checking against the full-text index: see Candidates.leaders. */
export interface Leader {
  doc: number;
  /** Terms not known either way, as bits. */
  unknown: number;
  /** How it would rank if it held them all. */
  bestCase: SearchHit;
}

/** `larger`, holding `array`'s values first. */
function grown<A extends Float64Array | Int32Array | Uint8Array>(array: A, larger: A): A {
  larger.set(array);
  return larger;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

/**
 * The documents a query found, from the impact lists and from the full-text index, scored and ranked:
 * documents holding more of the query's terms first (coordination: a hit on every word people typed is
 * the better answer), then by the sum over terms of idf × impact (BM25 with precomputed term weights).
 *
 * What a document holds is known three ways: its lists (a term among its salient tokens), a check of the
 * full-text index for that document and term (`addChecked`, for the leaders: see `leaders`), and a
 * full-text stage that found it holding some number of the terms (`addMatched`).
 *
 * A search gathers thousands of candidates (up to a thousand per list) and shows ten, so each candidate is
 * a slot in flat typed arrays rather than an object of its own: building and ranking them was a fifth of a
 * search's time (docs/benchmarks.md, search at 1 M).
 */
export class Candidates {
  private readonly slotOf = new Map<number, number>();
  private docsBySlot: Float64Array;
  /** Per slot, bit i: term i found in the impact lists. */
  private listed: Int32Array;
  /** Per slot, bit i: the full-text index was asked whether the document holds term i … */
  private checked: Int32Array;
  /** … and said it does. */
  private verified: Int32Array;
  /** Per slot, how many terms a full-text stage says the document holds at least (0 if none found it). */
  private matchedByText: Uint8Array;
  /** Per slot and term, the best contribution found in the lists (idf × alternative weight × impact). */
  private contributions: Float64Array;
  private used = 0;
  private readonly terms: number;
  /** What a term held but not listed is worth, per unit of idf (see impacts.ts, unlistedImpact). */
  private readonly unlistedFactor: number;

  /**
   * `termIdfs[i]`: the idf used for a term the full-text index matched but no list held; `unlistedImpact`: the
   * impact such a match counts for (the kind's: impacts.ts).
   */
  constructor(
    private readonly termIdfs: readonly number[],
    unlistedImpact: number,
    expected = 1024,
  ) {
    this.terms = termIdfs.length;
    this.unlistedFactor = unlistedImpact / IMPACT_SCALE;
    this.docsBySlot = new Float64Array(expected);
    this.listed = new Int32Array(expected);
    this.checked = new Int32Array(expected);
    this.verified = new Int32Array(expected);
    this.matchedByText = new Uint8Array(expected);
    this.contributions = new Float64Array(expected * this.terms);
  }

  private slot(doc: number): number {
    let slot = this.slotOf.get(doc);
    if (slot === undefined) {
      if (this.used === this.docsBySlot.length) this.grow();
      slot = this.used++;
      this.slotOf.set(doc, slot);
      this.docsBySlot[slot] = doc;
    }
    return slot;
  }

  private grow(): void {
    const size = Math.max(64, this.docsBySlot.length * 2);
    this.docsBySlot = grown(this.docsBySlot, new Float64Array(size));
    this.listed = grown(this.listed, new Int32Array(size));
    this.checked = grown(this.checked, new Int32Array(size));
    this.verified = grown(this.verified, new Int32Array(size));
    this.matchedByText = grown(this.matchedByText, new Uint8Array(size));
    this.contributions = grown(this.contributions, new Float64Array(size * this.terms));
  }

  /** Term `term` is in `doc`'s list with this contribution (the best of a term's alternatives counts). */
  addListed(doc: number, term: number, contribution: number): void {
    const slot = this.slot(doc);
    this.listed[slot]! |= 1 << term;
    const at = slot * this.terms + term;
    if (contribution > this.contributions[at]!) this.contributions[at] = contribution;
  }

  /** The full-text index found `doc` holding at least `matchedTerms` of the terms. */
  addMatched(doc: number, matchedTerms: number): void {
    const slot = this.slot(doc);
    if (matchedTerms > this.matchedByText[slot]!) this.matchedByText[slot] = matchedTerms;
  }

  /**
   * The full-text index was asked whether these documents hold term `term`; `holding` are those that do.
   * Documents not among the candidates are ignored.
   */
  addChecked(docs: readonly number[], term: number, holding: readonly number[]): void {
    for (const doc of docs) {
      const slot = this.slotOf.get(doc);
      if (slot !== undefined) this.checked[slot]! |= 1 << term;
    }
    for (const doc of holding) {
      const slot = this.slotOf.get(doc);
      if (slot !== undefined) this.verified[slot]! |= 1 << term;
    }
  }

  /** Terms the document is known to hold, as bits. */
  private held(slot: number): number {
    return this.listed[slot]! | this.verified[slot]!;
  }

  private matchedTerms(slot: number): number {
    return Math.max(bitCount(this.held(slot)), this.matchedByText[slot]!);
  }

  /**
   * The `count` documents that would rank best if every term not yet known for them turned out to be held
   * (matched, with an unlisted match's weight), best first, with those terms as bits and that best case;
   * documents with no such term are left out. Checking these first settles the top of the ranking.
   */
  leaders(count: number): Leader[] {
    if (count <= 0) return [];
    const all = (1 << this.terms) - 1;
    const best: Leader[] = [];
    let unknown = 0;
    const leader = (bestCase: SearchHit): Leader => ({ doc: bestCase.id, unknown, bestCase });
    for (const slot of this.slotOf.values()) {
      unknown = all & ~(this.held(slot) | this.checked[slot]!);
      if (unknown === 0) continue;
      const matchedTerms = Math.max(bitCount(this.held(slot) | unknown), this.matchedByText[slot]!);
      let score = this.score(slot, this.matchedTerms(slot));
      for (let term = 0; term < this.terms; term++) if (unknown & (1 << term)) score += this.unlistedWeight(term);
      keepBest(best, count, matchedTerms, score, this.docsBySlot[slot]!, leader, bestCaseOf);
    }
    return best;
  }

  /**
   * True when the `count` best documents as now known all rank above `hit`: a document whose best case is
   * `hit` cannot enter them (what a check reveals only ever raises a document).
   */
  settledAbove(count: number, hit: SearchHit): boolean {
    if (count <= 0) return false;
    const top = this.ranked(count);
    // `ranked` returns at most `count` hits: the last one exists only when there are `count`.
    const last = top[count - 1];
    return last !== undefined && compareHits(hit.matchedTerms, hit.score, hit.id, last) > 0;
  }

  /** What a term held but not listed adds: an unlisted match at the term's idf. */
  private unlistedWeight(term: number): number {
    return this.termIdfs[term]! * this.unlistedFactor;
  }

  /** How many documents hold at least `matchedTerms` terms, as far as known. */
  countMatching(matchedTerms: number): number {
    let n = 0;
    for (const slot of this.slotOf.values()) if (this.matchedTerms(slot) >= matchedTerms) n++;
    return n;
  }

  /** Drops the documents `keep` refuses (a topic or region filter). */
  retain(keep: (doc: number) => boolean): void {
    for (const doc of this.slotOf.keys()) if (!keep(doc)) this.slotOf.delete(doc);
  }

  docs(): number[] {
    return [...this.slotOf.keys()];
  }

  /** The best `count` documents, best first. */
  ranked(count: number): SearchHit[] {
    if (count <= 0) return [];
    const best: SearchHit[] = [];
    for (const slot of this.slotOf.values()) {
      const matchedTerms = this.matchedTerms(slot);
      const score = this.score(slot, matchedTerms);
      keepBest(best, count, matchedTerms, score, this.docsBySlot[slot]!, itself, itself);
    }
    return best;
  }

  private score(slot: number, matchedTerms: number): number {
    const listed = this.listed[slot]!;
    const held = this.held(slot);
    let score = 0;
    for (let term = 0, at = slot * this.terms; term < this.terms; term++, at++) {
      score += this.contributions[at]!;
      if (held & ~listed & (1 << term)) score += this.unlistedWeight(term);
    }
    // Terms a full-text stage says the document holds beyond those known: worth an unlisted match each.
    // Which ones is not known when not all matched: count those with the smallest idfs, first among the terms
    // not checked (a checked term the document lacks cannot be one of them).
    const unlisted = matchedTerms - bitCount(held);
    if (unlisted > 0) {
      const checked = this.checked[slot]!;
      const unchecked: number[] = [];
      const lacking: number[] = [];
      for (let term = 0; term < this.terms; term++) {
        if (!(held & (1 << term))) (checked & (1 << term) ? lacking : unchecked).push(this.termIdfs[term]!);
      }
      const byIdf = (a: number, b: number) => a - b;
      const idfs = unchecked.sort(byIdf).concat(lacking.sort(byIdf)).slice(0, unlisted);
      for (const value of idfs) score += value * this.unlistedFactor;
    }
    return score;
  }
}

/** Negative when the first document ranks above `b`: more terms matched, then a higher score, then the newer one. */
function compareHits(matchedTerms: number, score: number, id: number, b: SearchHit): number {
  return b.matchedTerms - matchedTerms || b.score - score || b.id - id;
}

const itself = (hit: SearchHit) => hit;
const bestCaseOf = (leader: Leader) => leader.bestCase;

/**
 * Keeps in `best` (sorted, best first) the `count` best entries seen so far, given how the new one ranks.
 * Thousands of candidates, ten wanted: a small sorted array rather than a sort of them all, and the entry is
 * made only when it gets in.
 */
function keepBest<T>(
  best: T[],
  count: number,
  matchedTerms: number,
  score: number,
  id: number,
  make: (hit: SearchHit) => T,
  rankOf: (entry: T) => SearchHit,
): void {
  if (best.length === count && compareHits(matchedTerms, score, id, rankOf(best[count - 1]!)) >= 0) return;
  let at = best.length;
  while (at > 0 && compareHits(matchedTerms, score, id, rankOf(best[at - 1]!)) < 0) at--;
  best.splice(at, 0, make({ id, score, matchedTerms }));
  if (best.length > count) best.pop();
}
