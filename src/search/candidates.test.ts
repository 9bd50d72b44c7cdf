import { describe, expect, it } from 'vitest';
import { Candidates } from './candidates';

describe('Candidates', () => {
  it('ranks by terms matched, then score, then the newer document', () => {
    const c = new Candidates([1, 1]);
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
    const c = new Candidates([2, 3]);
    c.addListed(1, 0, 4);
    c.addMatched(1, 2);
    c.addMatched(2, 2);
    const [first, second] = c.ranked(10);
    expect(first).toMatchObject({ id: 1, matchedTerms: 2 });
    expect(first.score).toBeGreaterThan(4);
    expect(second).toMatchObject({ id: 2, matchedTerms: 2 });
    expect(c.countMatching(2)).toBe(2);
    expect(c.countMatching(3)).toBe(0);
  });

  it('returns the same top documents as sorting all of them', () => {
    const c = new Candidates([1, 1, 1]);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 500; i++) c.addListed(1 + Math.floor(random() * 300), Math.floor(random() * 3), Math.round(random() * 50));
    const all = c.ranked(10_000);
    expect(c.ranked(10)).toEqual(all.slice(0, 10));
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      expect(a.matchedTerms > b.matchedTerms || (a.matchedTerms === b.matchedTerms && a.score >= b.score)).toBe(true);
    }
  });

  it('drops the documents a filter refuses', () => {
    const c = new Candidates([1]);
    for (const doc of [1, 2, 3]) c.addListed(doc, 0, doc);
    c.retain((doc) => doc !== 3);
    expect(c.docs().sort()).toEqual([1, 2]);
  });
});
