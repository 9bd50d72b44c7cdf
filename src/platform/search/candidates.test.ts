import { describe, expect, it } from 'vitest';
import { Candidates } from './candidates';

/** The impact of a match only the full-text index found (the questions kind's: body weight 2 × 0.5). */
const UNLISTED = 100;

describe('Candidates', () => {
  it('ranks by terms matched, then score, then the newer document', () => {
    const c = new Candidates([1, 1], UNLISTED);
    c.addListed(1, 0, 5);
    c.addListed(2, 0, 1);
    c.addListed(2, 1, 1);
    c.addListed(3, 0, 5);
    c.addListed(4, 0, 9);
    c.addListed(4, 0, 2); // a weaker alternative of the same term does not lower or add to it
    expect(c.ranked(10).map((h) => [h.id, h.matchedTerms, h.score])).toEqual([
      [2, 2, 2],
      [4, 1, 9],
      [3, 1, 5],
      [1, 1, 5],
    ]);
  });

  it('counts terms only the full-text index matched, at the unlisted weight', () => {
    const c = new Candidates([2, 3], UNLISTED);
    c.addListed(1, 0, 4);
    c.addMatched(1, 2);
    c.addMatched(2, 2);
    const [first, second] = c.ranked(10);
    expect(first).toMatchObject({ id: 1, matchedTerms: 2 });
    expect(first!.score).toBeGreaterThan(4);
    expect(second).toMatchObject({ id: 2, matchedTerms: 2 });
    expect(c.countMatching(2)).toBe(2);
    expect(c.countMatching(3)).toBe(0);
  });

  it('returns the same top documents as sorting all of them', () => {
    const c = new Candidates([1, 1, 1], UNLISTED);
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 500; i++)
      c.addListed(1 + Math.floor(random() * 300), Math.floor(random() * 3), Math.round(random() * 50));
    const all = c.ranked(10_000);
    expect(c.ranked(10)).toEqual(all.slice(0, 10));
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(a.matchedTerms > b.matchedTerms || (a.matchedTerms === b.matchedTerms && a.score >= b.score)).toBe(true);
    }
  });

  it('drops the documents a filter refuses', () => {
    const c = new Candidates([1], UNLISTED);
    for (const doc of [1, 2, 3]) c.addListed(doc, 0, doc);
    c.retain((doc) => doc !== 3);
    expect(c.docs().sort()).toEqual([1, 2]);
  });

  it('puts first the leaders that would rank best if they held the terms not known for them', () => {
    const c = new Candidates([2, 2], UNLISTED);
    c.addListed(1, 0, 30); // strong on term 0, term 1 unknown
    c.addListed(2, 0, 5); // weak on term 0, term 1 unknown
    c.addListed(3, 0, 10);
    c.addListed(3, 1, 10); // both listed: nothing to check
    const leaders = c.leaders(10);
    expect(leaders.map((l) => [l.doc, l.unknown])).toEqual([
      [1, 0b10],
      [2, 0b10],
    ]);
    expect(leaders[0]!.bestCase).toMatchObject({ id: 1, matchedTerms: 2 });
    expect(leaders[0]!.bestCase.score).toBeGreaterThan(30);
    expect(c.leaders(1).map((l) => l.doc)).toEqual([1]);
    expect(c.leaders(0)).toEqual([]);
  });

  it('raises a checked document holding a term, and leaves it off the leaders once checked', () => {
    const c = new Candidates([2, 2], UNLISTED);
    c.addListed(1, 0, 30);
    c.addListed(2, 0, 5);
    c.addListed(3, 0, 10);
    c.addListed(3, 1, 10);
    expect(c.ranked(3).map((h) => h.id)).toEqual([3, 1, 2]);
    c.addChecked([1, 2, 99], 1, [1]); // 99 is no candidate: ignored
    const ranked = c.ranked(3);
    expect(ranked.map((h) => [h.id, h.matchedTerms])).toEqual([
      [1, 2],
      [3, 2],
      [2, 1],
    ]);
    expect(c.leaders(10)).toEqual([]);
    expect(c.docs()).not.toContain(99);
  });

  it('knows when the best documents rank above a best case', () => {
    const c = new Candidates([1, 1], UNLISTED);
    c.addListed(1, 0, 10);
    c.addListed(1, 1, 10);
    c.addListed(2, 0, 1);
    const leader = c.leaders(1)[0]!;
    expect(leader.doc).toBe(2);
    expect(c.settledAbove(1, leader.bestCase)).toBe(true);
    // The second best as known is the leader itself, and its best case ranks above that.
    expect(c.settledAbove(2, leader.bestCase)).toBe(false);
    expect(c.settledAbove(0, leader.bestCase)).toBe(false);
  });

  it('grows past its expected size, from any start', () => {
    for (const expected of [0, 1, 1024]) {
      const c = new Candidates([1], UNLISTED, expected);
      for (let doc = 1; doc <= 3000; doc++) c.addListed(doc, 0, doc % 997);
      expect(c.docs().length).toBe(3000);
      expect(c.ranked(2).map((h) => [h.id, h.score])).toEqual([
        [2990, 996],
        [1993, 996],
      ]);
    }
  });

  it('counts terms a stage found at the idfs of the terms not checked absent', () => {
    const c = new Candidates([5, 1, 5], UNLISTED);
    for (const doc of [1, 2]) {
      c.addListed(doc, 0, 10);
      c.addChecked([doc], 1, []); // checked: neither holds term 1
    }
    c.addChecked([2], 2, [2]); // a check finds term 2 in document 2 …
    c.addMatched(1, 2); // … a stage finds document 1 holding two terms: term 0 and, so, term 2
    const [first, second] = c.ranked(2);
    expect(first!.matchedTerms).toBe(2);
    expect(second!.matchedTerms).toBe(2);
    expect(first!.score).toBeCloseTo(second!.score);
  });
});
