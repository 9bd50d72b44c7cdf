import { at } from './citation-parts';
import type { CitationProblem } from './citation-problem';

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

/** Without rules, a Chinese name is accepted as written and without the country that heads it. */
function withoutCountry(name: string): string[] {
  return name.startsWith(PRC_ZH) ? [name, name.slice(PRC_ZH.length)] : [name];
}

/** `chineseForms` expands each Chinese name into the forms people write (name-rules.ts, the alias table's rules). */
export function statuteNamesFromCatalogue(
  entries: readonly CatalogueEntry[],
  chineseForms: (name: string) => string[] = withoutCountry,
): StatuteName[] {
  return entries.map((e) => {
    const zh = [e.titleZh, ...e.aliasesZh].flatMap(chineseForms);
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
export function fold(text: string): Folded {
  const chars: string[] = [];
  const toOrig: number[] = [];
  const toFold: number[] = new Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
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

export function buildIndex(statutes: readonly StatuteName[]): NameIndex {
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
      [byFirst, key[0]!],
      [byLast, key[key.length - 1]!],
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
export interface Scan {
  text: string;
  f: Folded;
  idx: NameIndex;
  self: string | null;
}
export interface Named {
  slug: string | null;
  text: string;
  start: number;
  end: number;
  problem: CitationProblem | null;
}

function boundaryOk(s: string, start: number, end: number, key: string): boolean {
  if (WORDY.test(key[0]!) && start > 0 && WORDY.test(s[start - 1]!)) return false;
  return !(WORDY.test(key[key.length - 1]!) && end < s.length && WORDY.test(s[end]!));
}

function known(sc: Scan, fs: number, fe: number, slug: string): Named {
  const [start, end] = [sc.f.toOrig[fs]!, sc.f.toOrig[fe - 1]! + 1];
  return { slug, text: sc.text.slice(start, end), start, end, problem: null };
}

function unknown(text: string, start: number, end: number, problem: CitationProblem): Named {
  return { slug: null, text: text.slice(start, end), start, end, problem };
}

function selfRef(sc: Scan, start: number, end: number): Named {
  const written = sc.text.slice(start, end);
  return sc.self
    ? { slug: sc.self, text: written, start, end, problem: null }
    : unknown(sc.text, start, end, { key: 'citation.selfNotSupplied', params: { written } });
}

export function matchForward(sc: Scan, pos: number): Named | null {
  const { f } = sc;
  const p = f.toFold[pos]!;
  const c = f.s[p];
  // At the end of the text there is no next character, so no name can start here.
  if (c === undefined) return null;
  for (const e of sc.idx.byFirst.get(c) ?? []) {
    const end = p + e.key.length;
    if (f.s.startsWith(e.key, p) && boundaryOk(f.s, p, end, e.key)) return known(sc, p, end, e.slug);
  }
  return null;
}

export function matchBackward(sc: Scan, pos: number, minPos: number): Named | null {
  const { f } = sc;
  const [q, min] = [f.toFold[pos]!, f.toFold[minPos]!];
  const c = f.s[q - 1];
  // At the start of the text there is no previous character, so no name can end here.
  if (c === undefined) return null;
  for (const e of sc.idx.byLast.get(c) ?? []) {
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

export function matchAfterOf(sc: Scan, pos: number): Named | null {
  if (at(EN_SELF, sc.text, pos)) return selfRef(sc, pos, EN_SELF.lastIndex);
  const found = matchForward(sc, pos);
  let end = lawLikeEnd(sc.text, pos);
  // A longer law-like title ("Labour Law Enforcement Rules") is another statute, not a known one.
  if (found && found.end >= end) return found;
  if (end < 0) return null;
  const name = sc.text.slice(pos, end);
  if (at(PRC_SUFFIX, sc.text, end)) end = PRC_SUFFIX.lastIndex;
  return unknown(sc.text, pos, end, { key: 'citation.unknownStatute', params: { name } });
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
export function matchZhBefore(sc: Scan, pos: number, minPos: number): Named | null {
  const { text } = sc;
  let j = pos;
  while (j > minPos && /[ \t\u3000]/.test(text[j - 1]!)) j--;
  if (j <= minPos) return null;
  const close = text[j - 1];
  if (close === '》' || close === '〉') {
    const k = text.lastIndexOf(close === '》' ? '《' : '〈', j - 2);
    if (k < minPos || k < j - 120) return null;
    const title = text.slice(k + 1, j - 1);
    const key = fold(title).s.trim();
    const slug = sc.idx.exact.get(key) ?? sc.idx.exact.get(key.replace(/\([0-9０-９]{4}[^()]*\)$/, '').trim()) ?? null;
    const problem: CitationProblem | null = slug ? null : { key: 'citation.unknownStatuteZh', params: { title } };
    return { slug, text: title, start: k, end: j, problem };
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
  return unknown(text, j - name.length, j, { key: 'citation.unknownStatute', params: { name } });
}
