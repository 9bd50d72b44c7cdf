import { chineseNumeralToInt, parseNumeral } from './chinese-numerals';

export { chineseNumeralToInt };

export interface CatalogueEntry {
  titleZh: string;
  slug: string;
  titleEn: string;
  shortTitleEn: string;
  aliasesZh: readonly string[];
  aliasesEn: readonly string[];
}

export interface StatuteName {
  slug: string;
  names: string[];
}

/**
 * Spans: a list such as "Articles 10 and 12 of the Labour Contract Law" yields
 * non-overlapping spans so each citation can be linked separately. The shared
 * prefix (keyword, or a statute named before) belongs to the first citation, the
 * shared trailing "of the … Law" to the last, and separators to none:
 * "Articles 10" | "12 of the Labour Contract Law". Citations expanded from one
 * range ("Articles 36–38") all share the span of that range.
 */
export interface ParsedCitation {
  raw: string;
  span: [number, number];
  statuteSlug: string | null;
  statuteText: string | null;
  article: number | null;
  paragraph: number | null;
  item: number | null;
  error: string | null;
}

const PRC_ZH = '中华人民共和国';
const PRC_EN = /\s+of\s+(?:the\s+)?People['’]s\s+Republic\s+of\s+China(?:\s*\(PRC\))?/i;
const PRC_FORMS = [
  "of the People's Republic of China",
  "of People's Republic of China",
  "of the People's Republic of China (PRC)",
  "of People's Republic of China (PRC)",
  'of the PRC',
  'of PRC',
];
const MAX_RANGE = 20;

function englishVariants(name: string): string[] {
  const m = PRC_EN.exec(name);
  const out: string[] = [];
  if (m && m.index + m[0].length < name.length) {
    // "Law of the PRC on Labour Dispute …": the country sits mid-title, so vary it in place.
    const [head, tail] = [name.slice(0, m.index), name.slice(m.index + m[0].length)];
    out.push(head + tail, ...PRC_FORMS.map((p) => `${head} ${p}${tail}`));
  } else {
    const base = m ? name.slice(0, m.index) : name;
    out.push(base, `PRC ${base}`, ...PRC_FORMS.map((p) => `${base} ${p}`));
  }
  // British and American spelling both occur in translations and user questions.
  return out.flatMap((n) => [n.replace(/\blabou?r\b/gi, 'Labour'), n.replace(/\blabou?r\b/gi, 'Labor')]);
}

export function statuteNamesFromCatalogue(entries: readonly CatalogueEntry[]): StatuteName[] {
  return entries.map((e) => {
    const zh = [e.titleZh, ...e.aliasesZh].flatMap((t) => (t.startsWith(PRC_ZH) ? [t, t.slice(PRC_ZH.length)] : [t]));
    const en = [e.titleEn, e.shortTitleEn, ...e.aliasesEn].flatMap(englishVariants);
    return { slug: e.slug, names: [...new Set([...zh, ...en].map((n) => n.trim()).filter(Boolean))] };
  });
}

// ---- name matching on a case/punctuation-folded copy of the input ----------------

interface Folded {
  s: string;
  toOrig: number[];
  toFold: number[];
}

/** Folding keeps a position map so spans are always reported against the original text. */
function fold(text: string): Folded {
  const chars: string[] = [];
  const toOrig: number[] = [];
  const toFold: number[] = new Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/[\s\-‐‑–—_]/.test(ch)) {
      // Hyphens fold to spaces so "Work-Related" and "Work Related" match the same name.
      if (chars[chars.length - 1] === ' ') {
        toFold[i] = chars.length - 1;
        continue;
      }
      toFold[i] = chars.length;
      chars.push(' ');
      toOrig.push(i);
      continue;
    }
    toFold[i] = chars.length;
    const f = /[’‘`´]/.test(ch) ? "'" : ch === '（' ? '(' : ch === '）' ? ')' : ch.toLowerCase();
    for (const c of f) {
      chars.push(c);
      toOrig.push(i);
    }
  }
  toFold[text.length] = chars.length;
  toOrig.push(text.length);
  return { s: chars.join(''), toOrig, toFold };
}

interface NameEntry {
  key: string;
  slug: string;
}
interface NameIndex {
  exact: Map<string, string>;
  byFirst: Map<string, NameEntry[]>;
  byLast: Map<string, NameEntry[]>;
}

const indexCache = new WeakMap<readonly StatuteName[], NameIndex>();

function buildIndex(statutes: readonly StatuteName[]): NameIndex {
  const cached = indexCache.get(statutes);
  if (cached) return cached;
  const exact = new Map<string, string>();
  for (const st of statutes)
    for (const n of st.names) {
      const key = fold(n).s.trim();
      if (key && !exact.has(key)) exact.set(key, st.slug);
    }
  const byFirst = new Map<string, NameEntry[]>();
  const byLast = new Map<string, NameEntry[]>();
  for (const [key, slug] of exact) {
    for (const [map, c] of [
      [byFirst, key[0]],
      [byLast, key[key.length - 1]],
    ] as const) {
      const list = map.get(c) ?? [];
      list.push({ key, slug });
      map.set(c, list);
    }
  }
  // Longest first, so 劳动合同法实施条例 wins over 劳动合同法.
  for (const m of [byFirst, byLast]) for (const l of m.values()) l.sort((a, b) => b.key.length - a.key.length);
  const idx = { exact, byFirst, byLast };
  indexCache.set(statutes, idx);
  return idx;
}

const WORDY = /[a-z0-9]/;

/** Everything a scan needs; `self` resolves 本法 / "this Law" when the caller knows the enclosing statute. */
interface Scan {
  text: string;
  f: Folded;
  idx: NameIndex;
  self: string | null;
}
interface Named {
  slug: string | null;
  text: string;
  start: number;
  end: number;
  error: string | null;
}

function boundaryOk(s: string, start: number, end: number, key: string): boolean {
  if (WORDY.test(key[0]) && start > 0 && WORDY.test(s[start - 1])) return false;
  return !(WORDY.test(key[key.length - 1]) && end < s.length && WORDY.test(s[end]));
}

function known(sc: Scan, fs: number, fe: number, slug: string): Named {
  const [start, end] = [sc.f.toOrig[fs], sc.f.toOrig[fe - 1] + 1];
  return { slug, text: sc.text.slice(start, end), start, end, error: null };
}

function unknown(text: string, start: number, end: number, error: string): Named {
  return { slug: null, text: text.slice(start, end), start, end, error };
}

function selfRef(sc: Scan, start: number, end: number): Named {
  const written = sc.text.slice(start, end);
  return sc.self
    ? { slug: sc.self, text: written, start, end, error: null }
    : unknown(sc.text, start, end, `"${written}" refers to the enclosing statute, which was not supplied`);
}

function matchForward(sc: Scan, pos: number): Named | null {
  const { f } = sc;
  const p = f.toFold[pos];
  for (const e of sc.idx.byFirst.get(f.s[p]) ?? []) {
    const end = p + e.key.length;
    if (f.s.startsWith(e.key, p) && boundaryOk(f.s, p, end, e.key)) return known(sc, p, end, e.slug);
  }
  return null;
}

function matchBackward(sc: Scan, pos: number, minPos: number): Named | null {
  const { f } = sc;
  const [q, min] = [f.toFold[pos], f.toFold[minPos]];
  for (const e of sc.idx.byLast.get(f.s[q - 1]) ?? []) {
    const start = q - e.key.length;
    if (start >= min && f.s.startsWith(e.key, start) && boundaryOk(f.s, start, q, e.key))
      return known(sc, start, q, e.slug);
  }
  return null;
}

const UNKNOWN_WORD = /[A-Za-z][A-Za-z'’-]*/y;
const STATUTE_NOUN =
  /^(?:laws?|regulations?|provisions|measures|rules|interpretations?|act|code|decisions?|opinions)$/i;
const CONNECTIVE = /^(?:of|on|the|and|for|in|concerning|to|with|governing)$/;
const TITLE_CONTINUES = /^(?:of|on|for|concerning|governing)$/;
const PRC_SUFFIX = /\s+of\s+(?:the\s+)?(?:People['’]s\s+Republic\s+of\s+China(?:\s*\(PRC\))?|PRC)\b/iy;
const EN_SELF = /(?:this|these)\s+(?:law|regulations|provisions|measures|rules|interpretation)\b/iy;

/**
 * End offset of a capitalised "… Law"/"… Regulations" title at pos, or -1. Scans word
 * by word (no regex backtracking). After a statute noun only capitalised words or
 * "of/on/…" continue the title, so "Imaginary Law and …" stops at "Law".
 */
function lawLikeEnd(text: string, pos: number): number {
  let p = pos,
    lastEnd = -1,
    afterNoun = false;
  for (let words = 0; words < 16; words++) {
    const m = at(UNKNOWN_WORD, text, p);
    if (!m) break;
    const w = m[0];
    if (!/^[A-Z]/.test(w) && !(words > 0 && CONNECTIVE.test(w) && (!afterNoun || TITLE_CONTINUES.test(w)))) break;
    p += w.length;
    afterNoun = words > 0 && STATUTE_NOUN.test(w);
    if (afterNoun) lastEnd = p;
    const ws = /^[ \t]+/.exec(text.slice(p, p + 8));
    if (!ws) break;
    p += ws[0].length;
  }
  return lastEnd;
}

function matchAfterOf(sc: Scan, pos: number): Named | null {
  if (at(EN_SELF, sc.text, pos)) return selfRef(sc, pos, EN_SELF.lastIndex);
  const found = matchForward(sc, pos);
  let end = lawLikeEnd(sc.text, pos);
  // A longer law-like title ("Labour Law Enforcement Rules") is another statute, not a known one.
  if (found && found.end >= end) return found;
  if (end < 0) return null;
  const name = sc.text.slice(pos, end);
  if (at(PRC_SUFFIX, sc.text, end)) end = PRC_SUFFIX.lastIndex;
  return unknown(sc.text, pos, end, `Unknown statute "${name}"`);
}

const ZH_NOUN = '(?:法|法典|条例|规定|办法|解释|细则)';
const ZH_SELF = new RegExp(`[本此]${ZH_NOUN}$`);
const ZH_ANAPHOR = new RegExp(`(?:该|上述|前述)${ZH_NOUN}$`);
const ZH_LAWLIKE = new RegExp(`[\\u4e00-\\u9fff]{1,24}${ZH_NOUN}$`);
// Verbs and particles that precede a bare title in running text (依照劳动合同法第…).
const ZH_LEAD = /^.*(?:依据|根据|按照|依照|违反|适用|参照|符合|遵守|属于|以及|出现|[和及与或的、依按在又即])/;
// Generic nouns alone are anaphoric ("the Regulations") or ordinary words, not titles.
const ZH_NOT_TITLE = /^(?:法|法典|条例|规定|办法|解释|细则|依法|合法|违法|非法|方法|决定|立法|执法|司法|做法|说法)$/;

/**
 * The statute named right before 第. A 《title》 is always a statute, so an unknown
 * one is an error; a bare name must be in the catalogue, except that a law-like
 * word (调解仲裁法) is reported as unknown rather than silently inheriting context.
 */
function matchZhBefore(sc: Scan, pos: number, minPos: number): Named | null {
  const { text } = sc;
  let j = pos;
  while (j > minPos && /[ \t\u3000]/.test(text[j - 1])) j--;
  if (j <= minPos) return null;
  const close = text[j - 1];
  if (close === '》' || close === '〉') {
    const k = text.lastIndexOf(close === '》' ? '《' : '〈', j - 2);
    if (k < minPos || k < j - 120) return null;
    const title = text.slice(k + 1, j - 1);
    const key = fold(title).s.trim();
    const slug = sc.idx.exact.get(key) ?? sc.idx.exact.get(key.replace(/\([0-9０-９]{4}[^()]*\)$/, '').trim()) ?? null;
    return { slug, text: title, start: k, end: j, error: slug ? null : `Unknown statute 《${title}》` };
  }
  const found = matchBackward(sc, j, minPos);
  if (found) return found;
  const before = text.slice(Math.max(minPos, j - 30), j);
  const self = ZH_SELF.exec(before);
  if (self) return selfRef(sc, j - self[0].length, j);
  const lawLike = ZH_ANAPHOR.test(before) ? null : ZH_LAWLIKE.exec(before);
  const run = lawLike?.[0] ?? '';
  // 共和 contains the particle 和, so a full title must not be cut inside 中华人民共和国.
  const prc = run.lastIndexOf(PRC_ZH);
  const name = prc >= 0 ? run.slice(prc) : run.replace(ZH_LEAD, '');
  if (!name || ZH_NOT_TITLE.test(name)) return null;
  return unknown(text, j - name.length, j, `Unknown statute "${name}"`);
}

// ---- article / paragraph / item tokens ------------------------------------------

interface Part {
  start: number;
  end: number;
  article: number | null;
  paragraph: number | null;
  item: number | null;
  errors: string[];
}
type Level = 'article' | 'paragraph' | 'item';

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function setNum(part: Part, level: Level, raw: string): void {
  const n = parseNumeral(raw);
  const label = level[0].toUpperCase() + level.slice(1);
  if (n === null) part.errors.push(`Malformed ${level} number "${raw}"`);
  else if (n === 0) part.errors.push(`${label} number must be at least 1`);
  else part[level] = n;
}

function newPart(start: number, end: number, article: string): Part {
  const p: Part = { start, end, article: null, paragraph: null, item: null, errors: [] };
  setNum(p, 'article', article);
  return p;
}

/** A sibling shares the article (and paragraph) of the previous part: 第四十条第一项、第二项; Article 23(2) and (3). */
function sibling(prev: Part, level: Level, raw: string, start: number, end: number): Part {
  const p: Part = {
    start,
    end,
    article: prev.article,
    paragraph: level === 'item' ? prev.paragraph : null,
    item: null,
    errors: [],
  };
  setNum(p, level, raw);
  return p;
}

function expandRange(from: Part, to: Part): Part[] {
  const [a, b] = [from.article, to.article];
  if (a === null || b === null) return [from, to];
  const base = { start: from.start, end: to.end, paragraph: null, item: null };
  if (b < a) return [{ ...base, article: a, errors: [`Article range ${a}–${b} is reversed`] }];
  if (b - a >= MAX_RANGE)
    return [{ ...base, article: a, errors: [`Article range ${a}–${b} covers more than ${MAX_RANGE} articles`] }];
  return Array.from({ length: b - a + 1 }, (_, i) => ({ ...base, article: a + i, errors: [] }));
}

const ZN = '([0-9０-９〇零一二三四五六七八九十百千两]{1,12})';
const ZH_ART = new RegExp(`第\\s*${ZN}\\s*条`, 'y');
const ZH_PARA = new RegExp(`\\s*第\\s*${ZN}\\s*款`, 'y');
const ZH_ITEM = new RegExp(`\\s*第\\s*[（(]?\\s*${ZN}\\s*[)）]?\\s*项`, 'y');
const ZH_SEP = /\s*(?:、|以及|及|和|与|或者|或)\s*/y;
const ZH_RANGE = /\s*(?:至|到|～|~|—|–|-)\s*/y;

function zhArticle(text: string, pos: number): Part | null {
  const m = at(ZH_ART, text, pos);
  if (!m) return null;
  const p = newPart(pos, ZH_ART.lastIndex, m[1]);
  const para = at(ZH_PARA, text, p.end);
  if (para) {
    setNum(p, 'paragraph', para[1]);
    p.end = ZH_PARA.lastIndex;
  }
  const item = at(ZH_ITEM, text, p.end);
  if (item) {
    setNum(p, 'item', item[1]);
    p.end = ZH_ITEM.lastIndex;
  }
  return p;
}

const EN_KW = /(?:articles?|arts?\b\.?)\s*/iy;
const EN_NUM = /([0-9０-９]{1,9})(?![0-9０-９A-Za-z])/y;
const EN_PAREN = /\s?\(\s*([0-9０-９]{1,4})\s*\)/y;
const EN_PARA = /\s*,?\s*(?:paragraph|para\b\.?)\s*(?:\(([0-9０-９]{1,4})\)|([0-9０-９]{1,4}))(?![0-9A-Za-z])/iy;
const EN_ITEM = /\s*,?\s*(?:item|sub-?paragraph|clause)\s*(?:\(([0-9０-９]{1,4})\)|([0-9０-９]{1,4}))(?![0-9A-Za-z])/iy;
const EN_SEP = /\s*(?:,\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+|\s*&\s*)/iy;
const EN_DASH = /\s*[-–—~]\s*/y;
const EN_TO = /\s+(?:to|through)\s+/iy;
const EN_OF = /\s*,?\s+of\s+(?:the\s+)?/iy;
const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const SUB = (kw: string) =>
  new RegExp(
    `(?:(${ORD.join('|')})\\s+(?:${kw})|(?:${kw})\\s*(?:\\(([0-9０-９]{1,4})\\)|([0-9０-９]{1,4})))\\s*,?\\s+of\\s+(?:the\\s+)?`,
    'iy',
  );
const EN_PRE_ITEM = SUB('item|sub-?paragraph|clause');
const EN_PRE_PARA = SUB('paragraph|para\\b\\.?');

function enArticle(text: string, pos: number, requireKw: boolean): { part: Part; plural: boolean; kw: boolean } | null {
  const kw = at(EN_KW, text, pos);
  if (!kw && requireKw) return null;
  const n = at(EN_NUM, text, kw ? EN_KW.lastIndex : pos);
  if (!n) return null;
  const part = newPart(pos, EN_NUM.lastIndex, n[1]);
  const paren = at(EN_PAREN, text, part.end);
  if (paren) {
    setNum(part, 'paragraph', paren[1]);
    part.end = EN_PAREN.lastIndex;
    const paren2 = at(EN_PAREN, text, part.end);
    if (paren2) {
      setNum(part, 'item', paren2[1]);
      part.end = EN_PAREN.lastIndex;
    }
  } else {
    const para = at(EN_PARA, text, part.end);
    if (para) {
      setNum(part, 'paragraph', para[1] ?? para[2]);
      part.end = EN_PARA.lastIndex;
    }
    const item = at(EN_ITEM, text, part.end);
    if (item) {
      setNum(part, 'item', item[1] ?? item[2]);
      part.end = EN_ITEM.lastIndex;
    }
  }
  return { part, plural: kw !== null && /s\.?\s*$/i.test(kw[0]), kw: kw !== null };
}

/** "item 3 of paragraph 2 of Article 23", "the second paragraph of Article 23". */
function enPreForm(text: string, pos: number): Part | null {
  let p = pos;
  const subs: [Level, string][] = [];
  for (const [re, level] of [
    [EN_PRE_ITEM, 'item'],
    [EN_PRE_PARA, 'paragraph'],
  ] as const) {
    const m = at(re, text, p);
    if (!m) continue;
    subs.push([level, m[1] ? String(ORD.indexOf(m[1].toLowerCase()) + 1) : (m[2] ?? m[3])]);
    p = re.lastIndex;
  }
  if (subs.length === 0) return null;
  const art = enArticle(text, p, true);
  if (!art || art.plural || art.part.paragraph !== null || art.part.item !== null) return null;
  const part = { ...art.part, start: pos };
  for (const [level, raw] of subs) setNum(part, level, raw);
  return part;
}

// ---- groups ---------------------------------------------------------------------

interface Group {
  end: number;
  parts: Part[];
  statute: Named | null;
}

const EN_BARE_TRAIL = /\s*,?\s*/y;

function parseGroup(sc: Scan, pos: number, minPos: number): Group | null {
  const { text } = sc;
  const zh = text[pos] === '第';
  let parts: Part[];
  let plural = false;
  if (zh) {
    const first = zhArticle(text, pos);
    if (!first) return null;
    parts = [first];
  } else {
    const pre = enPreForm(text, pos);
    const first = pre ? null : enArticle(text, pos, true);
    if (!pre && !first) return null;
    parts = [pre ?? first!.part];
    plural = first?.plural ?? false;
  }
  let end = parts[0].end;
  // Where a keyword-less number first continued a singular "Article" list ("Article 7 and 12 …").
  let bareFrom: { index: number; end: number } | null = null;
  const trailingOf = () => (at(EN_OF, text, end) ? matchAfterOf(sc, EN_OF.lastIndex) : null);
  for (;;) {
    const last = parts[parts.length - 1];
    const bare = last.paragraph === null && last.item === null;
    // Ranges only between bare articles: "第三十六条至第三十八条", "Articles 36–38".
    const rangeStart = !bare
      ? null
      : zh
        ? at(ZH_RANGE, text, end)
          ? ZH_RANGE.lastIndex
          : null
        : at(EN_DASH, text, end)
          ? EN_DASH.lastIndex
          : plural && at(EN_TO, text, end)
            ? EN_TO.lastIndex
            : null;
    const to =
      rangeStart === null
        ? null
        : zh
          ? zhArticle(text, rangeStart)
          : (enArticle(text, rangeStart, false)?.part ?? null);
    if (to && to.paragraph === null && to.item === null) {
      parts.splice(parts.length - 1, 1, ...expandRange(last, to));
      end = to.end;
      continue;
    }
    // "Article 5 of the Labour Law, Article 10 of …": a named statute closes the list.
    if (!zh && trailingOf()) break;
    const sep = zh ? ZH_SEP : EN_SEP;
    if (!at(sep, text, end)) break;
    const s = sep.lastIndex;
    let next: Part | null = null;
    if (zh) {
      next = zhArticle(text, s);
      const sub = next
        ? null
        : last.item !== null
          ? at(ZH_ITEM, text, s)
          : last.paragraph !== null
            ? at(ZH_PARA, text, s)
            : null;
      if (sub) next = sibling(last, last.item !== null ? 'item' : 'paragraph', sub[1], s, sub.index + sub[0].length);
    } else {
      const art = enArticle(text, s, false);
      if (art) {
        if (!art.kw && !plural) bareFrom ??= { index: parts.length, end };
        next = art.part;
        plural ||= art.plural;
      }
      const paren = !next && !bare ? at(EN_PAREN, text, s) : null;
      if (paren) next = sibling(last, last.item !== null ? 'item' : 'paragraph', paren[1], s, EN_PAREN.lastIndex);
    }
    if (!next) break;
    parts.push(next);
    end = next.end;
  }
  let statute: Named | null = null;
  if (zh) {
    statute = matchZhBefore(sc, pos, minPos);
  } else {
    statute = trailingOf();
    // Only a statute named after the list licenses "Article 7 and 12"; otherwise "12 months" is no citation.
    if (!statute && bareFrom) {
      parts = parts.slice(0, bareFrom.index);
      end = bareFrom.end;
      statute = trailingOf();
    }
    if (!statute) {
      let j = pos;
      while (j > minPos && /[\s,:]/.test(text[j - 1])) j--;
      statute = j > minPos ? matchBackward(sc, j, minPos) : null;
    }
    // A known name right after the article ("Art. 23(2) Labour Law") is the last resort.
    if (!statute && at(EN_BARE_TRAIL, text, end)) statute = matchForward(sc, EN_BARE_TRAIL.lastIndex);
  }
  const start = statute && statute.start < pos ? statute.start : pos;
  const groupEnd = statute && statute.end > end ? statute.end : end;
  const [firstStart, lastEnd] = [parts[0].start, end];
  for (const p of parts) {
    if (p.start === firstStart) p.start = start;
    if (p.end === lastEnd) p.end = groupEnd;
  }
  return { end: groupEnd, parts, statute };
}

const TRIGGER = new RegExp(
  `第|\\b(?:art(?:icle)?s?|para(?:graph)?|item|sub-?paragraph|clause|(?:${ORD.join('|')})\\s+(?:paragraph|item|sub-?paragraph|clause))\\b`,
  'gi',
);
const NO_STATUTE = 'No statute named, and no earlier citation in the text names one';

export interface ParseOptions {
  /** Slug of the statute the text belongs to, so 本法 / 本条例 / "this Law" can be resolved. */
  selfSlug?: string | null;
}

/**
 * Finds every article citation in `text`, in order. A citation that names no statute
 * takes the statute of the closest preceding one; 本法 / "this Law" resolve only via
 * `options.selfSlug`. Problems are reported in `error`, never thrown.
 */
export function parseCitations(text: string, statutes: StatuteName[], options: ParseOptions = {}): ParsedCitation[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const sc: Scan = { text, f: fold(text), idx: buildIndex(statutes ?? []), self: options?.selfSlug ?? null };
  const out: ParsedCitation[] = [];
  // Context: a citation without a statute inherits from the closest preceding citation.
  let ctx: { slug: string | null; unknown: string | null } | null = null;
  let consumed = 0;
  const trigger = new RegExp(TRIGGER.source, TRIGGER.flags);
  for (let m = trigger.exec(text); m; m = trigger.exec(text)) {
    const g = parseGroup(sc, m.index, consumed);
    if (!g) {
      trigger.lastIndex = m.index + 1;
      continue;
    }
    for (const p of g.parts) {
      const errors = [...p.errors];
      let slug: string | null = null;
      if (g.statute) {
        slug = g.statute.slug;
        if (g.statute.error) errors.unshift(g.statute.error);
        ctx = { slug, unknown: slug ? null : g.statute.text };
      } else if (ctx?.slug) {
        slug = ctx.slug;
      } else {
        errors.unshift(
          ctx?.unknown
            ? `No statute named, and the preceding citation's statute "${ctx.unknown}" is unknown`
            : NO_STATUTE,
        );
      }
      out.push({
        raw: text.slice(p.start, p.end),
        span: [p.start, p.end],
        statuteSlug: slug,
        statuteText: g.statute?.text ?? null,
        article: p.article,
        paragraph: p.paragraph,
        item: p.item,
        error: errors.length ? errors.join('; ') : null,
      });
    }
    consumed = g.end;
    trigger.lastIndex = g.end;
  }
  return out;
}
