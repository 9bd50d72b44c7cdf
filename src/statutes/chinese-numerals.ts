// Maps, not object literals: the characters are the reader's (no Object.prototype member may answer).
const DIGITS = new Map<string, number>([
  ['零', 0],
  ['〇', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);
const UNITS = new Map<string, number>([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
]);

/**
 * Converts a Chinese numeral as used in article labels (第七十二条, 第一百零五条) to an
 * integer, or returns null when it is not a well-formed numeral.
 *
 * The parser is deliberately strict: a citation with a garbled number (七七十, 十十,
 * 一百五) should be reported, not silently resolved to some article. Only the
 * colloquial 一百十 (for 一百一十) is tolerated because it is unambiguous.
 * Values above 9999 are out of scope: no statute has that many articles.
 */
export function chineseNumeralToInt(s: string): number | null {
  if (typeof s !== 'string' || s.length === 0 || s.length > 16) return null;
  if (s === '零' || s === '〇') return 0;
  let total = 0;
  let pending: number | null = null; // digit still waiting for its unit
  let pendingIsLiang = false;
  let lastUnit = 0; // 0 = no unit seen yet
  let afterZero = false;
  for (const ch of s) {
    const digit = DIGITS.get(ch);
    if (digit === 0) {
      // 零 only marks skipped places between two non-zero ones (一百零五, 一千零一十).
      if (pending !== null || lastUnit < 100 || afterZero) return null;
      afterZero = true;
      continue;
    }
    if (digit !== undefined) {
      if (pending !== null) return null;
      pending = digit;
      pendingIsLiang = ch === '两';
      continue;
    }
    const unit = UNITS.get(ch);
    if (unit === undefined) return null;
    if (lastUnit !== 0) {
      if (unit >= lastUnit) return null;
      // Without 零 the places must be contiguous: 一千一十 is not a valid way to write 1010.
      if (!afterZero && unit !== lastUnit / 10) return null;
      if (afterZero && unit > lastUnit / 100) return null;
    }
    // 百 and 千 always need an explicit multiplier; a bare 十 means 一十.
    if (pending === null && unit !== 10) return null;
    if (pendingIsLiang && unit === 10) return null;
    total += (pending ?? 1) * unit;
    pending = null;
    pendingIsLiang = false;
    lastUnit = unit;
    afterZero = false;
  }
  if (pending !== null) {
    // 一百五 is colloquial for 150 but reads like 105 to some; article labels never use it.
    if ((lastUnit > 10 && !afterZero) || pendingIsLiang) return null;
    total += pending;
  } else if (afterZero) {
    return null;
  }
  return total;
}

/** Article-label numbers come as Arabic (72), full-width (７２) or Chinese (七十二) digits. */
export function parseNumeral(raw: string): number | null {
  const ascii = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // Six digits is far beyond any article count; longer runs are junk, not citations.
  if (/^[0-9]+$/.test(ascii)) return ascii.length <= 6 ? Number(ascii) : null;
  return chineseNumeralToInt(raw);
}

const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const PLACE_CHARS = ['千', '百', '十', ''];

/**
 * An integer from 1 to 9999 as statutes write it (七十二, 一百零五, 一百一十, 十五): for paragraph and item numbers
 * in Chinese citations (第二款第三项). The inverse of chineseNumeralToInt.
 */
export function intToChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`no Chinese numeral for ${n}`);
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zeroPending = false;
  digits.forEach((digit, place) => {
    if (digit === 0) {
      zeroPending = out !== '';
      return;
    }
    if (zeroPending) out += '零';
    zeroPending = false;
    out += DIGIT_CHARS[digit]! + PLACE_CHARS[place]!;
  });
  // 十五, not 一十五, when ten is the highest place.
  return n >= 10 && n < 20 ? out.slice(1) : out;
}
