import { describe, expect, it } from 'vitest';
import type { CitingQuestion } from '../service';
import { oneVersionEach } from './article-page';

const question = (id: number, locale: string, translationOf: number | null = null): CitingQuestion => ({
  id,
  slug: `q-${id}`,
  title: `Question ${id}`,
  locale,
  path: `/social-security/questions/${id}-q-${id}`,
  translationOf,
});

describe('oneVersionEach', () => {
  // 1 (en) and 2 (its Chinese translation) cite the article; so do 3 (English only) and 4 (Chinese only).
  const cited = [question(1, 'en'), question(2, 'zh', 1), question(3, 'en'), question(4, 'zh')];

  it("lists a question and its translation once, in the reader's language, that language first", () => {
    expect(oneVersionEach(cited, 'zh').map((q) => q.id)).toEqual([2, 4, 3]);
    expect(oneVersionEach(cited, 'en').map((q) => q.id)).toEqual([1, 3, 4]);
  });

  it('keeps every question when the provider does not say which translates which', () => {
    const unpaired = cited.map(({ translationOf: _, ...q }) => q);
    expect(oneVersionEach(unpaired, 'zh').map((q) => q.id)).toEqual([2, 4, 1, 3]);
  });
});
