import { describe, expect, it } from 'vitest';
import { collapseTranslations, type GroupMember, preferReaderLanguage, type ReaderHit } from './translations';

// Group 1: English original 1, Chinese translation 2. Group 3: English only. Group 4: Chinese only.
const members: GroupMember[] = [
  { id: 1, locale: 'en', translation_of_id: null },
  { id: 2, locale: 'zh', translation_of_id: 1 },
  { id: 3, locale: 'en', translation_of_id: null },
  { id: 4, locale: 'zh', translation_of_id: null },
];
const hit = (id: number, score: number, matchedTerms = 2) => ({ id, score, matchedTerms });

describe('collapseTranslations', () => {
  it('shows a group once, in the reader’s language, at its best member’s rank', () => {
    const hits = [hit(1, 9), hit(3, 8), hit(2, 7), hit(4, 6)];
    expect(collapseTranslations(hits, members, 'zh').map((h) => [h.id, h.group, h.sameLanguage])).toEqual([
      [2, 1, true],
      [3, 3, false],
      [4, 4, true],
    ]);
    expect(collapseTranslations(hits, members, 'en').map((h) => [h.id, h.score])).toEqual([
      [1, 9],
      [3, 8],
      [4, 6],
    ]);
  });

  it('leaves out hits whose question is gone', () => {
    expect(collapseTranslations([hit(99, 5), hit(3, 4)], members, 'en').map((h) => h.id)).toEqual([3]);
  });
});

describe('preferReaderLanguage', () => {
  const readerHit = (id: number, score: number, sameLanguage: boolean, matchedTerms = 2): ReaderHit => ({
    id,
    group: id,
    score,
    matchedTerms,
    sameLanguage,
  });

  it('lets a result in the reader’s language pass a slightly better one in the other', () => {
    const hits = [readerHit(1, 10, false), readerHit(2, 9, true), readerHit(3, 5, true)];
    expect(preferReaderLanguage(hits).map((h) => h.id)).toEqual([2, 1, 3]);
  });

  it('keeps a much better result in the other language first', () => {
    const hits = [readerHit(1, 10, false), readerHit(2, 5, true)];
    expect(preferReaderLanguage(hits).map((h) => h.id)).toEqual([1, 2]);
  });

  it('never moves a result across tiers (fewer words matched, or a new stage with higher scores)', () => {
    const fewerWords = [readerHit(1, 10, false, 3), readerHit(2, 50, true, 2)];
    expect(preferReaderLanguage(fewerWords).map((h) => h.id)).toEqual([1, 2]);
    // PostgreSQL: a title stage's hits, then a body stage's, whose scores start higher again.
    const nextStage = [readerHit(1, 0.5, false), readerHit(2, 0.9, true)];
    expect(preferReaderLanguage(nextStage).map((h) => h.id)).toEqual([1, 2]);
  });

  it('reorders only the top, so every page cuts the same ordering', () => {
    const hits = [readerHit(1, 10, false), readerHit(2, 9.5, false), readerHit(3, 9, true)];
    expect(preferReaderLanguage(hits, 2).map((h) => h.id)).toEqual([1, 2, 3]);
  });

  it('puts the reader’s language simply first when the other counts for nothing (suggestions)', () => {
    const hits = [readerHit(1, 1, false), readerHit(2, 1, true), readerHit(3, 1, false), readerHit(4, 1, true)];
    expect(preferReaderLanguage(hits, Number.POSITIVE_INFINITY, 0).map((h) => h.id)).toEqual([2, 4, 1, 3]);
  });
});
