/**
 * Deterministic synthetic corpus and queries for the search benchmark: social-security Q&As in English (~60%) and
 * Chinese (~40%), built from templates × the word lists in ./search-vocabulary.ts.
 *
 *   for (const qa of generateCorpus(1_000_000, 42)) index(qa);   // streams: nothing is kept between documents
 *   const queries = generateQueries(1000, 42);
 *
 * Every document gets its own PRNG (mulberry32) seeded from (seed, id), so a document does not depend on the ones
 * before it: generateDoc(id, seed) gives the same document as the id-th one of generateCorpus. Words are sampled
 * with Zipf distributions over lists ranked frequent → rare (terms, templates, offices …), so a few words occur in
 * most documents and most words in few; numbers, districts and company names add a long tail.
 *
 * Chinese `legal` lines and some Chinese body sentences quote statutes.json (articles[].text_zh) when it can be
 * read (options.statutesPath, else STATUTES_JSON, else /work/shared/data/statutes/statutes.json); without it the
 * built-in article sentences are used. The output is deterministic for a given seed AND statutes source; pass
 * { statutesPath: null } to get output that does not depend on the file.
 */
import { readFileSync } from 'node:fs';
import {
  CHANNELS_EN,
  CHANNELS_ZH,
  COMPANY_INDUSTRY,
  COMPANY_PREFIX,
  GENERAL_EN,
  GENERAL_MODS_EN,
  GENERAL_MODS_ZH,
  GENERAL_SITS_EN,
  GENERAL_SITS_ZH,
  GENERAL_ZH,
  GENERIC_DISTRICTS,
  GENERIC_PLACES_EN,
  GENERIC_PLACES_ZH,
  LAW_EN,
  MATERIALS_EN,
  MATERIALS_ZH,
  MONTHS_EN,
  OFFICES_EN,
  OFFICES_ZH,
  OTHER_CITIES,
  PERSONAS_EN,
  PERSONAS_ZH,
  REGIONS,
  TEMPLATES,
  TOPICS,
  type TopicVocab,
} from './search-vocabulary';

export interface SyntheticQa {
  id: number;
  locale: 'en' | 'zh';
  topic: string;
  region: string;
  title: string;
  body: string;
  legal: string;
}

export interface CorpusOptions {
  /** statutes.json for Chinese legal text; null = built-in sentences only. Default: see the file comment. */
  statutesPath?: string | null;
}

export const DEFAULT_STATUTES_PATH = process.env.STATUTES_JSON ?? '/work/shared/data/statutes/statutes.json';
export const TOPIC_SLUGS: readonly string[] = TOPICS.map((t) => t.slug);

/** A topic's number (1-based, in TOPICS order): what the index stores as the topic attribute. */
export function topicNumber(slug: string): number {
  return TOPIC_SLUGS.indexOf(slug) + 1;
}
export const REGION_CODES: readonly string[] = ['CN', ...Object.keys(REGIONS)];
export const EN_SHARE = 0.6;
export const LIMITS = {
  titleWordsEn: [6, 20],
  titleCharsZh: [8, 30],
  bodyWordsEn: [80, 400],
  bodyCharsZh: [150, 700],
} as const;

// ---------------------------------------------------------------- randomness

/** mulberry32: small, fast, good enough for synthetic data. */
export class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed | 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** Hash of two 32-bit integers (murmur3 finaliser), used to seed one PRNG per document. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul((b + 0x632be5ab) | 0, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Picks item i with probability ∝ 1/(i+1)^s. */
class Zipf<T> {
  private readonly cdf: Float64Array;
  constructor(
    readonly items: readonly T[],
    s = 1,
  ) {
    const weights = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) weights[i] = sum += 1 / (i + 1) ** s;
    this.cdf = weights.map((w) => w / sum);
  }
  pick(r: Rng): T {
    const u = r.next();
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

// ---------------------------------------------------------------- prepared vocabulary

/** A template split at its slots: even indices are literal text, odd indices slot letters. */
type Tpl = string[];
const parse = (list: string[], s = 0.8) =>
  new Zipf<Tpl>(
    list.map((t) => t.split(/\{([A-Z])\}/)),
    s,
  );

interface LocaleLex {
  en: boolean;
  general: Zipf<string>;
  offices: Zipf<string>;
  materials: Zipf<string>;
  personas: Zipf<string>;
  channels: Zipf<string>;
  details: Zipf<Tpl>;
  analysis: Zipf<Tpl>;
  steps: Zipf<Tpl>;
  titles: Tpl[];
}
interface TopicLex {
  terms: Zipf<string>;
  sits: Zipf<string>;
  acts: string[]; // body form: en verb phrase, zh verb + object
}

function localeLex(en: boolean): LocaleLex {
  const tpl = en ? TEMPLATES.en : TEMPLATES.zh;
  return {
    en,
    general: new Zipf(en ? GENERAL_EN : GENERAL_ZH),
    offices: new Zipf(en ? OFFICES_EN : OFFICES_ZH),
    materials: new Zipf(en ? MATERIALS_EN : MATERIALS_ZH),
    personas: new Zipf(en ? PERSONAS_EN : PERSONAS_ZH, 0.7),
    channels: new Zipf(en ? CHANNELS_EN : CHANNELS_ZH),
    details: parse(tpl.details),
    analysis: parse(tpl.analysis),
    steps: parse(tpl.steps),
    titles: (en ? TEMPLATES.titleEn : TEMPLATES.titleZh).map((t) => t.split(/\{([A-Z])\}/)),
  };
}
const LEX = { en: localeLex(true), zh: localeLex(false) };
const TOPIC_LEX = TOPICS.map(
  (t): Record<'en' | 'zh', TopicLex> => ({
    en: { terms: new Zipf(t.en.terms), sits: new Zipf([...t.en.sits, ...GENERAL_SITS_EN], 0.6), acts: t.en.acts },
    zh: {
      terms: new Zipf(t.zh.terms),
      sits: new Zipf([...t.zh.sits, ...GENERAL_SITS_ZH], 0.6),
      acts: t.zh.acts.map(([object, verb]) => verb + object),
    },
  }),
);
const TOPIC_CDF = cumulative(TOPICS.map((t) => t.weight));
const REGION_KEYS = Object.keys(REGIONS);
const ALL_DISTRICTS: [string[], string[]] = [GENERIC_DISTRICTS.map((d) => d[0]), GENERIC_DISTRICTS.map((d) => d[1])];

function cumulative(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => {
    sum += w;
    return sum / total;
  });
}
function pickTopic(r: Rng): number {
  const u = r.next();
  let i = 0;
  while (i < TOPIC_CDF.length - 1 && TOPIC_CDF[i]! < u) i++;
  return i;
}

// ---------------------------------------------------------------- statutes

type LawSentence = { law: string; label: string; text: string };
/** legal: first sentences of articles, for the legal line; body: any short sentence, for Chinese bodies. */
type TopicLaw = { legal: LawSentence[]; body: LawSentence[] };
type StatuteFile = { short_title_zh: string; articles: { label_zh: string; text_zh: string }[] };

const statuteCache = new Map<string, TopicLaw[]>();

function builtInLaw(t: TopicVocab): TopicLaw {
  const list = t.refs.map(([law, n, , zh]) => ({ law, label: `第${cnNumber(n)}条`, text: zh }));
  return { legal: list, body: list };
}

/** Per topic, the article sentences to quote; built-in ones where the file is missing or has nothing for a topic. */
function topicLaws(path: string | null): TopicLaw[] {
  const key = path ?? '';
  const cached = statuteCache.get(key);
  if (cached) return cached;
  let file: StatuteFile[] = [];
  if (path) {
    try {
      file = JSON.parse(readFileSync(path, 'utf8')) as StatuteFile[];
      if (!Array.isArray(file)) file = [];
    } catch {
      file = [];
    }
  }
  const laws = TOPICS.map((t) => {
    const found: TopicLaw = { legal: [], body: [] };
    for (const [name, keyword] of t.pool) {
      const statute = file.find((s) => s.short_title_zh === name);
      for (const a of statute?.articles ?? []) {
        if (typeof a.text_zh !== 'string' || (keyword && !a.text_zh.includes(keyword))) continue;
        const lines = a.text_zh.split('\n').map((l) => l.match(/[^。]+。/g) ?? []);
        const ok = (s: string) => s.length >= 12 && s.length <= 120 && !/^[（(]|施行|制定本|所称/.test(s);
        const first = lines[0]?.[0]?.trim();
        if (first && ok(first)) found.legal.push({ law: name, label: a.label_zh, text: first });
        for (const s of lines.flat().map((x) => x.trim())) {
          if (ok(s)) found.body.push({ law: name, label: a.label_zh, text: s });
        }
      }
    }
    return found.legal.length ? found : builtInLaw(t);
  });
  statuteCache.set(key, laws);
  return laws;
}

const DIGITS = '零一二三四五六七八九';
export function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : (rest < 20 ? '一' : '') + cnNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

// ---------------------------------------------------------------- documents

interface Ctx {
  r: Rng;
  L: LocaleLex;
  lex: TopicLex;
  act: string;
  city: string;
  districts: readonly string[];
  used: Tpl[];
  lastR: string;
}

function slot(k: string, c: Ctx): string {
  const r = c.r;
  switch (k) {
    case 'T':
      return c.lex.terms.pick(r);
    case 'G':
      return c.L.general.pick(r);
    case 'A':
      return r.next() < 0.5 ? c.act : r.pick(c.lex.acts);
    case 'S':
      return c.lex.sits.pick(r);
    case 'C':
      return c.city;
    case 'D':
      return r.pick(c.districts);
    case 'N':
      return String(2 + r.int(23));
    case 'K':
      return String((100 + r.int(2900)) * 10);
    case 'Y':
      return String(2008 + r.int(18));
    case 'M':
      return c.L.en ? MONTHS_EN[r.int(12)]! : String(1 + r.int(12));
    case 'O':
      return c.L.offices.pick(r);
    case 'R': {
      let m = c.L.materials.pick(r);
      if (m === c.lastR) m = c.L.materials.pick(r);
      c.lastR = m;
      return m;
    }
    case 'P':
      return c.L.personas.pick(r);
    case 'Q':
      return c.L.channels.pick(r);
    case 'E': {
      const i = c.L.en ? 0 : 1;
      const name = r.pick(COMPANY_PREFIX)[i] + (c.L.en ? ' ' : '') + r.pick(COMPANY_INDUSTRY)[i];
      return c.L.en ? `${name} Co., Ltd.` : `${name}有限公司`;
    }
    default:
      return '';
  }
}

function fill(tpl: Tpl, c: Ctx): string {
  let out = tpl[0]!;
  for (let i = 1; i < tpl.length; i += 2) out += slot(tpl[i]!, c) + tpl[i + 1];
  return out;
}

function words(s: string): number {
  let n = 1;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n;
}

/** A sentence from a template not used yet in this document (three tries, then a repeat is allowed). */
function fresh(tpls: Zipf<Tpl>, c: Ctx): string {
  let tpl = tpls.pick(c.r);
  for (let i = 0; i < 3 && c.used.includes(tpl); i++) tpl = tpls.pick(c.r);
  c.used.push(tpl);
  return fill(tpl, c);
}

/** Details, analysis and numbered steps; analysis sentences are added until the drawn target length is reached. */
function makeBody(c: Ctx, law: TopicLaw): string {
  const { r, L } = c;
  const en = L.en;
  const [min, max] = en ? LIMITS.bodyWordsEn : LIMITS.bodyCharsZh;
  const target = min + 10 + Math.floor((max - min - 40) * r.next() ** 1.6);
  const size = en ? words : (s: string) => s.length;
  const sep = en ? ' ' : '';
  let details = fresh(L.details, c);
  for (let i = 1 + r.int(3); i > 1; i--) details += sep + fresh(L.details, c);
  let steps = '';
  for (let i = 1, n = 2 + r.int(4); i <= n; i++) steps += `${i > 1 ? '\n' : ''}${i}. ${fresh(L.steps, c)}`;
  let total = size(details) + size(steps) + (en ? 0 : 4);
  let analysis = '';
  const quoteAt = !en && r.next() < 0.6 ? r.int(3) : -1;
  for (let i = 0; i === 0 || total < target; i++) {
    let s: string;
    if (i === quoteAt) {
      const q = r.pick(law.body);
      s = `根据《${q.law}》${q.label}的规定，${q.text}`;
    } else s = fresh(L.analysis, c);
    const n = size(s);
    if (i > 0 && total + n > max) break;
    analysis += (analysis ? sep : '') + s;
    total += n;
  }
  return `${details}\n\n${analysis}\n\n${steps}`;
}

function makeLegal(r: Rng, t: TopicVocab, en: boolean, law: TopicLaw): string {
  const lines = 1 + (r.next() < 0.25 ? 1 : 0);
  let out = '';
  for (let i = 0; i < lines; i++) {
    let line: string;
    if (en) {
      const [name, n, text] = r.pick(t.refs);
      line = `${LAW_EN[name] ?? name}, Article ${n}: ${text}`;
    } else {
      const a = r.pick(law.legal);
      line = `《${a.law}》${a.label}：${a.text}`;
    }
    if (!out.includes(line)) out += (out ? '\n' : '') + line;
  }
  return out;
}

/** A clause that makes titles more varied: a number of years, an age, a year or a persona. */
function titleExtra(r: Rng, en: boolean, persona: string | null): string {
  const n = 2 + r.int(29);
  switch (r.int(persona ? 5 : 4)) {
    case 0:
      return en ? ` after ${n} years of contributions` : `交了${n}年社保`;
    case 1:
      return en ? ` after working for ${n} months` : `工作了${n}个月`;
    case 2:
      return en ? ` at the age of ${40 + n}` : `今年${40 + n}岁`;
    case 3:
      return en ? ` in ${2010 + (n % 16)}` : `${2010 + (n % 16)}年`;
    default:
      return en ? ` as ${persona}` : `我是${persona}`;
  }
}

function makeTitle(c: Ctx, t: TopicVocab, cityTitle: string, generic: boolean): string {
  const { r, L } = c;
  const en = L.en;
  const tpl = r.pick(L.titles);
  const zhAct = en ? null : r.pick(t.zh.acts);
  const act = en ? r.pick(t.en.acts) : '';
  c.act = zhAct ? zhAct[1] + zhAct[0] : act;
  const [min, max] = en ? LIMITS.titleWordsEn : LIMITS.titleCharsZh;
  const sit = r.pick(c.lex.sits.items);
  const persona = L.personas.pick(r);
  const place = generic ? r.pick(en ? GENERIC_PLACES_EN : GENERIC_PLACES_ZH) : en ? ` in ${cityTitle}` : cityTitle;
  const extra = titleExtra(r, en, tpl.includes('P') ? null : persona);
  let useSit = tpl[1] === 'S' || r.next() < 0.6;
  let usePlace = r.next() < (generic ? 0.3 : 0.7);
  let useExtra = r.next() < 0.3;
  for (let attempt = 0; ; attempt++) {
    let out = tpl[0]!;
    for (let i = 1; i < tpl.length; i += 2) {
      const k = tpl[i];
      const v =
        k === 'A'
          ? act
          : k === 'S'
            ? useSit
              ? sit
              : ''
            : k === 'W'
              ? usePlace
                ? place
                : ''
              : k === 'P'
                ? en
                  ? `As ${persona}`
                  : persona
                : k === 'B'
                  ? zhAct![0]
                  : k === 'V'
                    ? zhAct![1]
                    : '';
      out += v + tpl[i + 1];
    }
    if (out.startsWith('，')) out = out.slice(1);
    if (useExtra) out = en ? `${out.slice(0, -1) + extra}?` : `${extra}，${out}`;
    const n = en ? words(out) : out.length;
    if (attempt >= 3 || (n >= min && n <= max)) return out;
    if (n < min) useSit = usePlace = true;
    else if (useExtra) useExtra = false;
    else if (usePlace) usePlace = false;
    else useSit = false;
  }
}

const lawsFor = (options: CorpusOptions) =>
  topicLaws(options.statutesPath === undefined ? DEFAULT_STATUTES_PATH : options.statutesPath);

/** The id-th document of generateCorpus(…, seed, options), on its own. */
export function generateDoc(id: number, seed = 1, options: CorpusOptions = {}): SyntheticQa {
  return makeDoc(id, seed, lawsFor(options));
}

function makeDoc(id: number, seed: number, laws: TopicLaw[]): SyntheticQa {
  const r = new Rng(mix(seed, id));
  const locale = r.next() < EN_SHARE ? 'en' : 'zh';
  const en = locale === 'en';
  const ti = pickTopic(r);
  // pickTopic gives an index into TOPICS, and so into TOPIC_LEX and laws (one entry per topic).
  const t = TOPICS[ti]!;
  const law = laws[ti]!;
  const region = r.next() < 0.7 ? 'CN' : r.pick(REGION_KEYS);
  const info = REGIONS[region];
  const city = info ? (en ? info[0] : info[1]) : r.pick(OTHER_CITIES)[en ? 0 : 1];
  const districts = info ? (en ? info[2] : info[3]) : ALL_DISTRICTS[en ? 0 : 1];
  const c: Ctx = { r, L: LEX[locale], lex: TOPIC_LEX[ti]![locale], act: '', city, districts, used: [], lastR: '' };
  const title = makeTitle(c, t, city, !info);
  const body = makeBody(c, law);
  const legal = makeLegal(r, t, en, law);
  return { id, locale, topic: t.slug, region, title, body, legal };
}

/** Streams `count` documents with ids 1..count. Holds nothing between documents. */
export function* generateCorpus(count: number, seed = 1, options: CorpusOptions = {}): Generator<SyntheticQa> {
  const laws = lawsFor(options);
  for (let id = 1; id <= count; id++) yield makeDoc(id, seed, laws);
}

// ---------------------------------------------------------------- queries

const tail = <T>(a: readonly T[]) => a.slice(Math.floor(a.length * 0.6));

function queryEn(r: Rng, t: TopicVocab): string {
  const head = r.pick(t.en.heads);
  const mod = () => r.pick(t.en.mods);
  const u = r.next();
  let parts: string[];
  if (u < 0.45) parts = r.next() < 0.5 ? [head, mod()] : [mod(), head];
  else if (u < 0.65) parts = [mod(), head, mod()];
  else if (u < 0.75) parts = [head, r.next() < 0.5 ? r.pick(GENERAL_MODS_EN) : r.pick(Object.values(REGIONS))[0]];
  else if (u < 0.87)
    parts = [r.next() < 0.5 ? head : mod(), r.pick(tail(t.en.terms))]; // rare words
  else if (u < 0.95)
    parts = [r.pick(GENERAL_EN.slice(0, 3)), r.pick(t.en.terms.slice(0, 2))]; // common words only
  else parts = [head, mod(), r.pick(GENERAL_MODS_EN)];
  return parts.join(' ').toLowerCase();
}

function queryZh(r: Rng, t: TopicVocab): string {
  const head = r.pick(t.zh.heads);
  const mod = () => r.pick(t.zh.mods);
  const u = r.next();
  let parts: string[];
  if (u < 0.5) parts = [head, mod()];
  else if (u < 0.7) parts = [head, mod(), mod()];
  else if (u < 0.78) parts = [r.pick(Object.values(REGIONS))[1], head, mod()];
  else if (u < 0.9)
    parts = [head, r.pick(tail(t.zh.terms))]; // rare words
  else parts = [r.pick(GENERAL_ZH.slice(0, 3)), r.pick(t.zh.terms.slice(0, 3)), r.pick(GENERAL_MODS_ZH)]; // common only
  return parts.join(r.next() < 0.5 ? ' ' : '');
}

function validQuery(q: string, en: boolean): boolean {
  const parts = q.split(' ');
  if (parts.some((p, i) => parts.some((o, j) => i !== j && o.includes(p)))) return false;
  if (en) return parts.length >= 2 && parts.length <= 4;
  return q.length >= 4 && q.length <= 12 && parts.length <= 4;
}

/** `count` distinct natural queries, 60% English (exactly, in a fixed interleaving). Deterministic for a seed. */
export function generateQueries(count: number, seed = 1): string[] {
  const r = new Rng(mix(seed, 0x51ed270b));
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const en = Math.floor((i + 1) * EN_SHARE) > Math.floor(i * EN_SHARE);
    for (let attempt = 0; attempt < 1000; attempt++) {
      const t = TOPICS[pickTopic(r)]!;
      const q = en ? queryEn(r, t) : queryZh(r, t);
      if (!validQuery(q, en) || seen.has(q)) continue;
      seen.add(q);
      out.push(q);
      break;
    }
  }
  return out;
}
