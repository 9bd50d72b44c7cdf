import { describe, expect, it } from 'vitest';
import { parseQuestionParam, questionPath, slugify } from './slug';

describe('slugify', () => {
  it('makes a readable slug from an English title', () => {
    expect(slugify('Where can I reissue my social security card if I lose it?')).toBe(
      'where-can-i-reissue-my-social-security-card-if-i-lose-it',
    );
  });
  it('drops apostrophes and accents', () => expect(slugify("Can't I use Xi’an's café?")).toBe('cant-i-use-xians-cafe'));
  it('gives no slug for a Chinese title', () => expect(slugify('社保卡丢了去哪里补办？')).toBe(''));
  it('keeps slugs short without cutting a word in half', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('word')).toBe(true);
  });
});

describe('question URLs', () => {
  it('builds the canonical path', () => {
    expect(questionPath(7, 'lost-card')).toBe('/social-security/questions/7-lost-card');
    expect(questionPath(7, '')).toBe('/social-security/questions/7');
  });
  it.each([
    ['7-lost-card', { id: 7, slug: 'lost-card' }],
    ['7', { id: 7, slug: '' }],
    ['7-', { id: 7, slug: '' }],
  ])('parses %s', (param, expected) => expect(parseQuestionParam(param)).toEqual(expected));
  it.each(['07-x', 'abc', '-1', '', '99999999999999999999'])('refuses %s', (param) =>
    expect(parseQuestionParam(param)).toBeNull(),
  );
});
