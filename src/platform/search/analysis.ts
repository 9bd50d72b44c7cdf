/**
 * Low-level text analysis shared by the tokeniser (index + query) and the synonym table.
 * Everything that decides what a token looks like lives here, so indexing, querying and synonym keys can never
 * drift apart. Public API for the rest of the app is in tokeniser.ts; this module is internal to src/search.
 */
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
// '.js' suffix: the package has no "exports" map, so plain Node ESM only resolves the file name with extension.
import { dict as jiebaDefaultDict } from '@node-rs/jieba/dict.js';
import { ConverterFactory } from 'opencc-js/core';
import { to as openccTo } from 'opencc-js/preset/t2cn';
import { stemmer } from 'stemmer';

export const DICTIONARY_URL = new URL('../../../data/search/dictionary.txt', import.meta.url);

/** Longest latin/number token we keep; longer runs are junk (base64, pasted hashes) and would bloat the index. */
export const MAX_TOKEN_LENGTH = 40;

/**
 * Han ideographs that unicode61 (FTS5) and PostgreSQL's parser both treat as word characters. `\p{Script=Han}`
 * alone also contains radicals and ideographic symbols (category So/Nl), which FTS5 treats as separators.
 */
const HAN = String.raw`(?:(?=\p{L})\p{Script=Han})`;
const HAN_RE = new RegExp(`^${HAN}+$`, 'u');
const LATIN_RE = /^[a-z0-9]+$/;
const DISALLOWED_RE = new RegExp(`(?:(?!${HAN})[^a-z0-9])+`, 'gu');
const RUN_RE = new RegExp(`[a-z0-9]+|${HAN}+`, 'gu');
const COMBINING_MARKS_RE = /\p{M}+/gu;

/** True when a token is safe for FTS5/tsvector: only [a-z0-9] or only Han ideographs. */
export function isSafeToken(token: string): boolean {
  return token.length > 0 && (LATIN_RE.test(token) || HAN_RE.test(token));
}

export function isHan(text: string): boolean {
  return HAN_RE.test(text);
}

// ---------------------------------------------------------------------------------------------------------
// Traditional -> simplified with OpenCC's standard phrase + character tables (they already cover 裡/裏 -> 里).
// Not the TW/HK variant tables: TWVariantsRev turns simplified 么 into 幺 (怎么 -> 怎幺), which breaks
// segmentation of simplified text. The standard tables leave all 150k characters of the statute corpus unchanged.
// Built lazily: the tables take a moment to load.
let t2s: ((text: string) => string) | undefined;
function toSimplified(text: string): string {
  t2s ??= ConverterFactory(openccTo.cn!);
  return t2s(text);
}

/** Cheap pre-check so pure-ASCII text (most English queries) skips the OpenCC trie walk. */
const HAS_HAN_RE = /\p{Script=Han}/u;

/**
 * NFKC (full-width ＡＢＣ１２３ -> abc123, compatibility ideographs -> unified), traditional -> simplified,
 * lower-case, strip diacritics (café -> cafe), replace everything that is not [a-z0-9] or a Han ideograph by a
 * single space, trim. Never throws: non-strings become ''.
 */
export function normalise(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  let s = text.normalize('NFKC');
  if (HAS_HAN_RE.test(s)) s = toSimplified(s);
  s = s.toLowerCase().normalize('NFD').replace(COMBINING_MARKS_RE, '').normalize('NFC');
  return s.replace(DISALLOWED_RE, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------------
// Stop words. Deliberately small: only words that carry no meaning in this domain's questions. Kept out of both
// the index and queries, so the two always agree.
const ENGLISH_STOP = new Set(
  (
    'a an the and or but if of to in on at by for from with about into as is are was were be been being am do does ' +
    'did done i me my mine we us our you your he him his she her it its they them their this that these those ' +
    'there here what which who whom whose how where when why can could should would will shall may might must ' +
    'have has had having not no so than too very just get got gets getting please need want help any some'
  ).split(' '),
);
const CHINESE_STOP = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 嘛 哦 么 和 与 及 或 或者 是 是否 在 有 有没有 没有 我 你 您 他 她 它 我们 你们 他们 自己 ' +
    '这 那 这个 那个 这些 那些 什么 怎么 怎么办 怎样 怎么样 如何 为什么 为何 哪里 哪儿 哪个 哪些 多少 几 能 能不能 ' +
    '可以 可不可以 要 需要 会 就 都 也 还 把 被 给 让 请问 请 一下 想 得 地 着 过 则 等 之 其'
  ).split(' '),
);

/** Sentence-final and aspect particles: a two-character word ending in one (交了, 好的) is a word and a particle. */
const PARTICLES = new Set('了 的 吗 呢 吧 啊 呀 嘛 哦'.split(' '));

export function isStopWord(word: string): boolean {
  return ENGLISH_STOP.has(word) || CHINESE_STOP.has(word);
}

/**
 * Porter does not know irregular forms, so "lost" and "losing" would stem differently (lost / lose). Map the few
 * irregular or British forms that matter in this domain onto the word Porter then stems like its regular forms.
 */
// A Map, not an object literal: the text is the reader's, and `constructor` must not find Object's.
const IRREGULAR = new Map<string, string>([
  ['lost', 'lose'],
  ['paid', 'pay'],
  ['got', 'get'],
  ['gotten', 'get'],
  ['left', 'leave'],
  ['fell', 'fall'],
  ['fallen', 'fall'],
  ['children', 'child'],
  ['women', 'woman'],
  ['men', 'man'],
  ['labour', 'labor'],
  ['centre', 'center'],
  ['programme', 'program'],
]);

export type UnitKind = 'latin' | 'number' | 'han';

/** One word of normalised text, before index filtering. */
export interface Unit {
  /** Normalised surface form ("losing", "社保卡"). */
  text: string;
  /** Index form: Porter stem for latin words, the text itself otherwise. Synonym keys compare on this. */
  key: string;
  kind: UnitKind;
  /** False for stop words, single letters, single Han characters and over-long junk: never in the index. */
  indexable: boolean;
  /** Which run of the text the unit came from (a Han run, or one latin/number word). */
  run: number;
}

function latinUnit(text: string, run: number): Unit {
  if (/^[0-9]+$/.test(text)) {
    return { text, key: text, kind: 'number', indexable: text.length <= MAX_TOKEN_LENGTH, run };
  }
  const alpha = /^[a-z]+$/.test(text);
  const key = alpha ? stemmer(IRREGULAR.get(text) ?? text) : text;
  const indexable = text.length > 1 && text.length <= MAX_TOKEN_LENGTH && !ENGLISH_STOP.has(text);
  return { text, key, kind: 'latin', indexable, run };
}

// ---------------------------------------------------------------------------------------------------------
// Chinese word segmentation: jieba's default dictionary plus our domain dictionary, created on first use
// (loading the default dictionary takes a few hundred ms, which plain-English callers need not pay).
let jieba: Jieba | undefined;

/** The domain dictionary in jieba's format, with our "#" comment lines removed. */
export function readUserDictionary(url: URL = DICTIONARY_URL): { text: string; terms: string[] } {
  const lines = readFileSync(url, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  return { text: `${lines.join('\n')}\n`, terms: lines.map((l) => l.split(/\s+/)[0]!) };
}

export function getJieba(): Jieba {
  if (!jieba) {
    const j = Jieba.withDict(jiebaDefaultDict);
    j.loadDict(Buffer.from(readUserDictionary().text, 'utf8'));
    jieba = j;
  }
  return jieba;
}

/** Overlapping character bigrams of a Han run (code points, so CJK extension B characters count as one). */
export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

export interface Analysis {
  units: Unit[];
  /** The Han runs in order, for bigrams. */
  hanRuns: string[];
}

/** Split already-normalised text into units: latin words, numbers, and jieba words of each Han run. */
export function analyseNormalised(normalised: string): Analysis {
  const pieces = normalised.match(RUN_RE) ?? [];
  const hanRuns = pieces.filter((piece) => !LATIN_RE.test(piece));
  // One call to jieba for all Han runs of the text: crossing into the native segmenter costs more than
  // segmenting a short run. Runs are joined by spaces, where jieba splits anyway, so each run is segmented
  // exactly as on its own; the words are dealt back to their runs by length.
  const words = hanRuns.length === 0 ? [] : getJieba().cut(hanRuns.join(' '), true);
  const units: Unit[] = [];
  let next = 0;
  for (let run = 0; run < pieces.length; run++) {
    const piece = pieces[run]!;
    if (LATIN_RE.test(piece)) {
      units.push(latinUnit(piece, run));
      continue;
    }
    for (let covered = 0; covered < piece.length && next < words.length; ) {
      const w = words[next++]!;
      if (w === ' ') continue;
      covered += w.length;
      if (!isHan(w)) continue;
      const indexable = Array.from(w).length > 1 && !CHINESE_STOP.has(w);
      units.push({ text: w, key: w, kind: 'han', indexable, run });
    }
  }
  return { units, hanRuns };
}

/** The "words" index stream of a text: keys of indexable units, in document order. */
export function wordTokens(units: readonly Unit[]): string[] {
  return units.filter((u) => u.indexable).map((u) => u.key);
}

/** Units that take part in phrase (synonym) matching: everything except English stop words and single letters.
 * Chinese stop words and single characters stay, so keys like 丢了 (丢 + 了) can still match. */
export function matchable(units: readonly Unit[]): Unit[] {
  return units.filter((u) => u.kind !== 'latin' || u.indexable);
}

/** A token sequence the index can contain; `bigram` = drawn from the character-bigram stream. */
export interface TokenSequence {
  tokens: string[];
  bigram: boolean;
}

/**
 * The ways a phrase (consecutive units of one text) can appear in the index: its word tokens in order, and for a
 * Han phrase of one run its character bigrams in order, which still match when the document was segmented
 * differently. A two-character Han phrase is also its own bigram: as a word (额度) it is found only where the
 * document's segmentation made the same word, and jieba often keeps it inside a longer one (贷款额度); with no
 * word token (丢了 = 丢 + stop word 了) the bigram is its only form. Not so for a word jieba made of a character
 * and a final particle (交了, 好的): as a bigram it matches that particle after the character anywhere, which
 * says little.
 * A single Han character yields nothing: the index holds no single characters.
 */
export function phraseForms(units: readonly Unit[]): TokenSequence[] {
  const forms: TokenSequence[] = [];
  const words = wordTokens(units);
  if (words.length > 0) forms.push({ tokens: words, bigram: false });
  const first = units[0];
  const sameHanRun = first !== undefined && units.every((u) => u.kind === 'han' && u.run === first.run);
  if (sameHanRun) {
    const surface = units.map((u) => u.text).join('');
    const chars = Array.from(surface).length;
    if (chars >= 3) forms.push({ tokens: bigrams(surface), bigram: true });
    else if (chars === 2 && (words.length === 0 || !PARTICLES.has(Array.from(surface)[1]!))) {
      forms.push({ tokens: [surface], bigram: true });
    }
  }
  return forms;
}

let dictionaryTerms: Set<string> | undefined;
/** Words of the domain dictionary (for flagging domain terms in queries). */
export function isDictionaryTerm(word: string): boolean {
  dictionaryTerms ??= new Set(readUserDictionary().terms);
  return dictionaryTerms.has(word);
}
