import type { MessageKey } from '../platform/web/messages';
import { parseNumeral } from './chinese-numerals';
import type { CitationProblem } from './citation-problem';

const MAX_RANGE = 20;

// ---- article / paragraph / item tokens ------------------------------------------

export interface Part {
  start: number;
  end: number;
  article: number | null;
  paragraph: number | null;
  item: number | null;
  problems: CitationProblem[];
}
export type Level = 'article' | 'paragraph' | 'item';

export function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

// Each key written out, so the catalogue check finds every key the parser uses.
const MALFORMED: Record<Level, MessageKey> = {
  article: 'citation.malformedNumber.article',
  paragraph: 'citation.malformedNumber.paragraph',
  item: 'citation.malformedNumber.item',
};
const TOO_SMALL: Record<Level, MessageKey> = {
  article: 'citation.numberTooSmall.article',
  paragraph: 'citation.numberTooSmall.paragraph',
  item: 'citation.numberTooSmall.item',
};

export function setNum(part: Part, level: Level, raw: string): void {
  const n = parseNumeral(raw);
  if (n === null) part.problems.push({ key: MALFORMED[level], params: { raw } });
  else if (n === 0) part.problems.push({ key: TOO_SMALL[level] });
  else part[level] = n;
}

export function newPart(start: number, end: number, article: string): Part {
  const p: Part = { start, end, article: null, paragraph: null, item: null, problems: [] };
  setNum(p, 'article', article);
  return p;
}

/** A sibling shares the article (and paragraph) of the previous part: 第四十条第一项、第二项; Article 23(2) and (3). */
export function sibling(prev: Part, level: Level, raw: string, start: number, end: number): Part {
  const p: Part = {
    start,
    end,
    article: prev.article,
    paragraph: level === 'item' ? prev.paragraph : null,
    item: null,
    problems: [],
  };
  setNum(p, level, raw);
  return p;
}

export function expandRange(from: Part, to: Part): Part[] {
  const [a, b] = [from.article, to.article];
  if (a === null || b === null) return [from, to];
  const base = { start: from.start, end: to.end, paragraph: null, item: null };
  if (b < a)
    return [{ ...base, article: a, problems: [{ key: 'citation.rangeReversed', params: { from: a, to: b } }] }];
  if (b - a >= MAX_RANGE)
    return [
      {
        ...base,
        article: a,
        problems: [{ key: 'citation.rangeTooLong', params: { from: a, to: b, max: MAX_RANGE } }],
      },
    ];
  return Array.from({ length: b - a + 1 }, (_, i) => ({ ...base, article: a + i, problems: [] }));
}

const ZN = '([0-9０-９〇零一二三四五六七八九十百千两]{1,12})';
const ZH_ART = new RegExp(`第\\s*${ZN}\\s*条`, 'y');
export const ZH_PARA = new RegExp(`\\s*第\\s*${ZN}\\s*款`, 'y');
export const ZH_ITEM = new RegExp(`\\s*第\\s*[（(]?\\s*${ZN}\\s*[)）]?\\s*项`, 'y');
export const ZH_SEP = /\s*(?:、|以及|及|和|与|或者|或)\s*/y;
export const ZH_RANGE = /\s*(?:至|到|～|~|—|–|-)\s*/y;

export function zhArticle(text: string, pos: number): Part | null {
  const m = at(ZH_ART, text, pos);
  if (!m) return null;
  const p = newPart(pos, ZH_ART.lastIndex, m[1]!);
  const para = at(ZH_PARA, text, p.end);
  if (para) {
    setNum(p, 'paragraph', para[1]!);
    p.end = ZH_PARA.lastIndex;
  }
  const item = at(ZH_ITEM, text, p.end);
  if (item) {
    setNum(p, 'item', item[1]!);
    p.end = ZH_ITEM.lastIndex;
  }
  return p;
}

const EN_KW = /(?:articles?|arts?\b\.?)\s*/iy;
const EN_NUM = /([0-9０-９]{1,9})(?![0-9０-９A-Za-z])/y;
export const EN_PAREN = /\s?\(\s*([0-9０-９]{1,4})\s*\)/y;
const EN_PARA = /\s*,?\s*(?:paragraph|para\b\.?)\s*(?:\(([0-9０-９]{1,4})\)|([0-9０-９]{1,4}))(?![0-9A-Za-z])/iy;
const EN_ITEM = /\s*,?\s*(?:item|sub-?paragraph|clause)\s*(?:\(([0-9０-９]{1,4})\)|([0-9０-９]{1,4}))(?![0-9A-Za-z])/iy;
export const EN_SEP = /\s*(?:,\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+|\s*&\s*)/iy;
export const EN_DASH = /\s*[-–—~]\s*/y;
export const EN_TO = /\s+(?:to|through)\s+/iy;
export const EN_OF = /\s*,?\s+of\s+(?:the\s+)?/iy;
export const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const SUB = (kw: string) =>
  new RegExp(
    `(?:(${ORD.join('|')})\\s+(?:${kw})|(?:${kw})\\s*(?:\\(([0-9０-９]{1,4})\\)|([0-9０-９]{1,4})))` +
      `\\s*,?\\s+of\\s+(?:the\\s+)?`,
    'iy',
  );
const EN_PRE_ITEM = SUB('item|sub-?paragraph|clause');
const EN_PRE_PARA = SUB('paragraph|para\\b\\.?');

export function enArticle(
  text: string,
  pos: number,
  requireKw: boolean,
): { part: Part; plural: boolean; kw: boolean } | null {
  const kw = at(EN_KW, text, pos);
  if (!kw && requireKw) return null;
  const n = at(EN_NUM, text, kw ? EN_KW.lastIndex : pos);
  if (!n) return null;
  const part = newPart(pos, EN_NUM.lastIndex, n[1]!);
  const paren = at(EN_PAREN, text, part.end);
  if (paren) {
    setNum(part, 'paragraph', paren[1]!);
    part.end = EN_PAREN.lastIndex;
    const paren2 = at(EN_PAREN, text, part.end);
    if (paren2) {
      setNum(part, 'item', paren2[1]!);
      part.end = EN_PAREN.lastIndex;
    }
  } else {
    const para = at(EN_PARA, text, part.end);
    if (para) {
      setNum(part, 'paragraph', para[1] ?? para[2]!);
      part.end = EN_PARA.lastIndex;
    }
    const item = at(EN_ITEM, text, part.end);
    if (item) {
      setNum(part, 'item', item[1] ?? item[2]!);
      part.end = EN_ITEM.lastIndex;
    }
  }
  return { part, plural: kw !== null && /s\.?\s*$/i.test(kw[0]), kw: kw !== null };
}

/** "item 3 of paragraph 2 of Article 23", "the second paragraph of Article 23". */
export function enPreForm(text: string, pos: number): Part | null {
  let p = pos;
  const subs: [Level, string][] = [];
  for (const [re, level] of [
    [EN_PRE_ITEM, 'item'],
    [EN_PRE_PARA, 'paragraph'],
  ] as const) {
    const m = at(re, text, p);
    if (!m) continue;
    subs.push([level, m[1] ? String(ORD.indexOf(m[1].toLowerCase()) + 1) : (m[2] ?? m[3]!)]);
    p = re.lastIndex;
  }
  if (subs.length === 0) return null;
  const art = enArticle(text, p, true);
  if (!art || art.plural || art.part.paragraph !== null || art.part.item !== null) return null;
  const part = { ...art.part, start: pos };
  for (const [level, raw] of subs) setNum(part, level, raw);
  return part;
}
