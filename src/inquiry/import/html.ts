/**
 * Answers scraped from other sites carry HTML fragments. We keep only their text: the result is stored as
 * markdown source and rendered with raw HTML off (src/platform/web/markdown.ts), so nothing here is ever rendered
 * as HTML — this only decides which characters the text keeps.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  middot: '·',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  times: '×',
  divide: '÷',
  yen: '¥',
  copy: '©',
  reg: '®',
  deg: '°',
};

// Elements whose content is never text for a reader.
const DROPPED = /<(script|style|head|title|template|noscript|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
// A tag needs a name right after "<", so "工资<3000元" or "a < b" stay text.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'blockquote',
  'pre',
  'table',
  'tr',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'footer',
  'hr',
]);
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

function fromCodePoint(code: number, whole: string): string {
  // NUL, other controls and lone surrogates would be stored as junk; drop them, keep tab and newline.
  if (code === 9 || code === 10) return code === 9 ? ' ' : '\n';
  if (code < 32 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return '';
  return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
}

/** Decodes character references in one pass, so "&amp;lt;" stays the text "&lt;". Unknown names are kept. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10), whole);
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16), whole);
    return NAMED[name!.toLowerCase()] ?? whole;
  });
}

/** Strips tags, turns line-level elements into line breaks and items of ordered lists into "1. ". */
function stripTags(html: string): string {
  const lists: { ordered: boolean; next: number }[] = [];
  return html
    .replace(DROPPED, ' ')
    .replace(COMMENT, ' ')
    .replace(TAG, (_whole, close: string, rawName: string) => {
      const name = rawName.toLowerCase();
      if (name === 'br') return '\n';
      if (name === 'ol' || name === 'ul') {
        if (close) lists.pop();
        else lists.push({ ordered: name === 'ol', next: 1 });
        return '\n';
      }
      if (name === 'li') {
        if (close) return '';
        const list = lists.at(-1);
        // Numbered so the step detector sees an ordered list as procedure steps.
        return list?.ordered ? `\n${list.next++}. ` : '\n';
      }
      if (name === 'td' || name === 'th') return close ? ' ' : '';
      return BLOCK.has(name) ? '\n' : '';
    });
}

/**
 * Plain text of a possibly-HTML fragment: tags stripped, entities decoded, <br>/<p>/list items as line
 * breaks, spaces collapsed, at most one blank line in a row. Plain text passes through with only the
 * whitespace tidied.
 */
export function htmlToText(input: string): string {
  const hasMarkup = /<[a-zA-Z/!]/.test(input);
  const text = decodeEntities(hasMarkup ? stripTags(input) : input);
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v \u00a0\u3000]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of text: every run of whitespace becomes one space (for question titles). */
export function toSingleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
