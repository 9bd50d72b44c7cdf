import type { Locale } from '../tables';

/** What search engines show of a description; longer ones are cut by them, mid-word. */
export const META_DESCRIPTION_MAX = 160;

const ELLIPSIS = '…';
/** Punctuation a cut text should not end on before its ellipsis (a comma, an opening bracket, a full stop). */
const TRAILING = /[\s,.;:!?()\-–—，。、；：！？（]+$/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** A space after Chinese punctuation (between paragraphs once collapsed): Chinese text has none there. */
const SPACE_AFTER_CJK_PUNCTUATION = /(?<=[。！？；：，、）」』]) /gu;

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Whitespace collapsed to single spaces, and in Chinese dropped after punctuation, where the text has none. */
export function collapseWhitespace(text: string, locale: Locale): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return locale === 'zh' ? collapsed.replace(SPACE_AFTER_CJK_PUNCTUATION, '') : collapsed;
}

/**
 * A meta description from plain text: whitespace collapsed, at most `max` characters (code points, so a character
 * outside the BMP counts as one and is never split). A longer text is cut and ends with …: in English after the
 * last whole word that fits (a single word longer than the limit is cut between characters), in Chinese after any
 * character that fits, as Chinese has no spaces between words. Cuts fall between grapheme clusters, so an emoji or
 * a letter with its accent stays whole.
 */
export function metaDescription(text: string, locale: Locale, max = META_DESCRIPTION_MAX): string {
  const normal = collapseWhitespace(text, locale);
  if (codePoints(normal) <= max) return normal;
  // The longest run of whole characters that leaves room for the ellipsis; `end` is its length in UTF-16 units.
  let end = 0;
  let count = 0;
  let lastSpace = -1;
  for (const { segment, index } of graphemes.segment(normal)) {
    const size = codePoints(segment);
    if (count + size > max - 1) break;
    if (segment === ' ') lastSpace = index;
    count += size;
    end = index + segment.length;
  }
  // A word ends where a space follows it (the next character, or the last space inside the run).
  if (locale === 'en' && normal[end] !== ' ' && lastSpace > 0) end = lastSpace;
  return normal.slice(0, end).replace(TRAILING, '') + ELLIPSIS;
}
