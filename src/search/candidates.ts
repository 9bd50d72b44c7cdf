import type { SearchHit } from './engine';
import { IMPACT_SCALE, UNLISTED_IMPACT } from './impacts';

interface Candidate {
  /** Bit i: term i found in the impact lists. */
  listed: number;
  /** Per term, the best contribution found in the lists (idf × alternative weight × impact). */
  contributions: number[];
  /** Terms the full-text index says the document holds (0 if it was not asked). */
  matchedByText: number;
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
 */
export class Candidates {
  private readonly byDoc = new Map<number, Candidate>();

  /** `termIdfs[i]`: the idf used for a term the full-text index matched but no list held. */
  constructor(private readonly termIdfs: readonly number[]) {}

  private entry(doc: number): Candidate {
    let c = this.byDoc.get(doc);
    if (!c) {
      c = { listed: 0, contributions: new Array<number>(this.termIdfs.length).fill(0), matchedByText: 0 };
      this.byDoc.set(doc, c);
    }
    return c;
  }

  /** Term `term` is in `doc`'s list with this contribution (the best of a term's alternatives counts). */
  addListed(doc: number, term: number, contribution: number): void {
    const c = this.entry(doc);
    c.listed |= 1 << term;
    if (contribution > c.contributions[term]) c.contributions[term] = contribution;
  }

  /** The full-text index found `doc` holding at least `matchedTerms` of the terms. */
  addMatched(doc: number, matchedTerms: number): void {
    const c = this.entry(doc);
    if (matchedTerms > c.matchedByText) c.matchedByText = matchedTerms;
  }

  /** How many documents hold at least `matchedTerms` terms, as far as known. */
  countMatching(matchedTerms: number): number {
    let n = 0;
    for (const c of this.byDoc.values()) if (Math.max(bitCount(c.listed), c.matchedByText) >= matchedTerms) n++;
    return n;
  }

  /** Drops the documents `keep` refuses (a topic or region filter). */
  retain(keep: (doc: number) => boolean): void {
    for (const doc of this.byDoc.keys()) if (!keep(doc)) this.byDoc.delete(doc);
  }

  docs(): number[] {
    return [...this.byDoc.keys()];
  }

  /** The best `count` documents, best first. */
  ranked(count: number): SearchHit[] {
    // Thousands of candidates, ten wanted: keep the best `count` in a small sorted array, not sort them all.
    const best: SearchHit[] = [];
    for (const [doc, c] of this.byDoc) {
      const hit = this.hit(doc, c);
      if (best.length === count && compareHits(hit, best[count - 1]) >= 0) continue;
      let at = best.length;
      while (at > 0 && compareHits(hit, best[at - 1]) < 0) at--;
      best.splice(at, 0, hit);
      if (best.length > count) best.pop();
    }
    return best;
  }

  private hit(doc: number, c: Candidate): SearchHit {
    const listedTerms = bitCount(c.listed);
    const matchedTerms = Math.max(listedTerms, c.matchedByText);
    let score = 0;
    for (const value of c.contributions) score += value;
    // Terms the text index matched but the lists did not hold: worth an unlisted match each, with the
    // smallest idf among the terms not listed (which ones they are is not known when not all matched).
    const unlisted = matchedTerms - listedTerms;
    if (unlisted > 0) {
      let smallest = Infinity;
      this.termIdfs.forEach((value, i) => {
        if (!(c.listed & (1 << i)) && value < smallest) smallest = value;
      });
      score += unlisted * smallest * (UNLISTED_IMPACT / IMPACT_SCALE);
    }
    return { id: doc, score, matchedTerms };
  }
}

/** Negative when `a` ranks above `b`: more terms matched, then a higher score, then the newer document. */
function compareHits(a: SearchHit, b: SearchHit): number {
  return b.matchedTerms - a.matchedTerms || b.score - a.score || b.id - a.id;
}
