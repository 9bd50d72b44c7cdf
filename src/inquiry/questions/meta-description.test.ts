import { describe, expect, it } from 'vitest';
import type { Locale } from '../tables';
import { collapseWhitespace, META_DESCRIPTION_MAX as MAX, metaDescription } from './meta-description';

/*
 * Properties of metaDescription over generated texts. fast-check is not a dependency, so the texts come from a
 * small seeded generator: the same runs every time, and a failure names the seed and the text.
 */

/** mulberry32: a tiny seeded PRNG, enough to vary the texts. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'social',
  'security',
  'card',
  'reissue',
  'Article',
  '72',
  'antidisestablishmentarianism',
  'a'.repeat(90),
  '社保卡',
  '补办',
  '《中华人民共和国社会保险法》',
  '第七十二条',
  '𠀋', // outside the BMP: a surrogate pair
  '👩‍👩‍👧', // several code points joined into one character
  'é', // a letter and its combining accent
  '，',
  '。',
  ',',
  '.',
  '(',
  '—',
  ' ',
  '  ',
  '\n',
  '\t',
];

function text(next: () => number): string {
  const length = Math.floor(next() * 120);
  let out = '';
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

const codePoints = (s: string) => Array.from(s).length;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const boundaries = (s: string) => new Set([...[...graphemes.segment(s)].map((g) => g.index), s.length]);

function checkProperties(input: string, locale: Locale) {
  const result = metaDescription(input, locale);
  const normal = collapseWhitespace(input, locale);
  expect(codePoints(result)).toBeLessThanOrEqual(MAX);
  expect(result).not.toMatch(LONE_SURROGATE);
  if (codePoints(normal) <= MAX) {
    expect(result).toBe(normal);
    return;
  }
  expect(result.endsWith('…')).toBe(true);
  const kept = result.slice(0, -1);
  expect(normal.startsWith(kept)).toBe(true);
  // Never inside a character: not between the halves of a surrogate pair, nor inside a grapheme cluster.
  expect(boundaries(normal).has(kept.length)).toBe(true);
  expect(kept).not.toMatch(/[\s,，、(]$/);
  if (locale === 'en') {
    // At a word's end (what follows is punctuation, then a space), unless no space fits at all.
    const rest = normal.slice(kept.length);
    expect(/^[,.;:!?()\-–—，。、；：！？（]*( |$)/.test(rest) || !kept.includes(' ')).toBe(true);
  }
}

describe('metaDescription', () => {
  it.each(['en', 'zh'] as const)('holds its properties over generated texts (%s)', (locale) => {
    for (let seed = 1; seed <= 500; seed++) {
      const input = text(random(seed));
      try {
        checkProperties(input, locale);
      } catch (error) {
        throw new Error(`seed ${seed}, text ${JSON.stringify(input)}: ${(error as Error).message}`);
      }
    }
  });

  it('cuts English after the last whole word, with an ellipsis', () => {
    const words = 'The social security card is reissued at the social security bureau where you are insured. '.repeat(
      3,
    );
    const cut = metaDescription(words, 'en');
    expect(cut).toBe(
      'The social security card is reissued at the social security bureau where you are insured. The social security card is reissued at the social security bureau…',
    );
  });

  it('cuts Chinese between characters, never inside a surrogate pair', () => {
    const sentence = '社保卡丢了，到当地社保局补办。'; // 15 characters
    expect(metaDescription(sentence.repeat(12), 'zh')).toBe(`${sentence.repeat(10)}社保卡丢了，到当地…`);
    // A cut after a comma drops the comma.
    expect(metaDescription(`${'社'.repeat(MAX - 2)}，${'保'.repeat(10)}`, 'zh')).toBe(`${'社'.repeat(MAX - 2)}…`);
    const astral = '𠀋'.repeat(200);
    const cutAstral = metaDescription(astral, 'zh');
    expect(cutAstral).toBe(`${'𠀋'.repeat(MAX - 1)}…`);
  });

  it('leaves a short text whole, whitespace collapsed', () => {
    expect(metaDescription('  Go to the\n bureau.  ', 'en')).toBe('Go to the bureau.');
    // Paragraphs of Chinese run on without a space after their full stop.
    expect(metaDescription('到当地社保局补办。\n\n先挂失。', 'zh')).toBe('到当地社保局补办。先挂失。');
  });
});
