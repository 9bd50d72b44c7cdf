/**
 * The one tokeniser for the Q&A search, used for BOTH indexing and querying, in English and Chinese.
 *
 * Output tokens are only [a-z0-9]+ or only Han ideographs, never mixed, never empty: safe to put inside FTS5
 * double quotes or to use as PostgreSQL tsvector lexemes, whatever the user typed.
 *
 * Index side (tokeniseForIndexFields / tokeniseForIndex):
 *   words   - English: lower-cased, stop words dropped, Porter-stemmed; numbers as typed (12333, 15);
 *             Chinese: jieba words (default + domain dictionary), stop words and single characters dropped.
 *   bigrams - every overlapping character bigram of every Han run, in order. They make two-character terms
 *             (社保, 医保, 工伤) match even where jieba segmented the document and the query differently.
 *   Bigrams are NOT marked inside the token (the token alphabet has no room for a marker, and an unmarked bigram
 *   deliberately equals the two-character word, so a query word 社保 hits a document's 社保卡). They are marked
 *   by position instead: tokeniseForIndexFields returns them as a separate stream, which the engine should store
 *   in a second FTS5 column / tsvector weight (e.g. words 'A', bigrams 'D') and rank lower.
 *
 * Query side (tokeniseQuery): a list of QueryTerm, to be combined as
 *   AND over terms of ( OR over term.alternatives of PHRASE(alternative.tokens) )
 * or scored with the weights. See QueryTerm.
 */
import {
  analyseNormalised,
  bigrams,
  isDictionaryTerm,
  isStopWord,
  matchable,
  normalise as normaliseText,
  phraseForms,
  type Unit,
} from './analysis';
import {
  findSynonymMatches,
  formsOfGroups,
  getSynonymTable,
  groupToken,
  groupTokensOf,
  type SynonymTable,
} from './synonyms';

/** Raw query characters looked at; the rest of a pasted essay is ignored (as-you-type boxes are short). */
export const MAX_QUERY_INPUT = 1000;
/** Normalised query characters kept. */
export const MAX_QUERY_CHARS = 200;
/** Terms per query: beyond this an AND query stops finding anything anyway. */
export const MAX_QUERY_TERMS = 12;
/** Alternatives per term, original first. */
export const MAX_ALTERNATIVES = 24;

/** Suggested ranking weights per kind of alternative (see QueryAlternative.weight). */
export const WEIGHTS = { original: 1, originalBigram: 0.6, synonym: 0.8, synonymBigram: 0.5 } as const;

export interface QueryAlternative {
  /** Index tokens that must occur adjacent and in this order: FTS5 phrase "a b", tsquery a <-> b. Never empty. */
  tokens: string[];
  /** 'original' = what the user typed; 'synonym' = from data/search/synonyms.json. */
  source: 'original' | 'synonym';
  /** True when `tokens` are character bigrams (live in the bigram stream/column), a lower-precision fallback. */
  bigram: boolean;
  /** Suggested weight in (0, 1] for ranking, from WEIGHTS. */
  weight: number;
}

export interface QueryTerm {
  /** The normalised words this term covers, space-joined ("social insurance card", "社保卡"): for display/logs. */
  text: string;
  /** alternatives[0] is the user's own wording; the rest are bigram fallbacks and synonyms, deduplicated. */
  alternatives: QueryAlternative[];
  /**
   * As-you-type: the query ended inside this term's last word, so the engine should also prefix-match the last
   * token of alternatives[0] (FTS5 "tok"*, tsquery tok:*). Always true for a single-character Han term (丢, or
   * a trailing 补 being typed): the index holds no single characters, so only a prefix can match it.
   * The prefix is of the stemmed token; a half-typed word whose stem differs from the finished word's
   * ("securi" vs secur) matches only once it is complete.
   */
  prefix: boolean;
  /** A domain term (in a synonym group or the domain dictionary). Engines may make the other terms optional. */
  domain: boolean;
  /** Index tokens of the synonym groups this term belongs to (see synonyms.ts groupToken); [] if none. */
  groups: string[];
}

export interface IndexFields {
  words: string[];
  bigrams: string[];
  /** One token per synonym found in the text (see synonyms.ts groupToken). */
  groups: string[];
}

/** NFKC, traditional -> simplified, lower-case, punctuation/symbols to spaces. Never throws. */
export function normalise(text: string): string {
  return normaliseText(text);
}

export function tokeniseForIndexFields(text: string): IndexFields {
  const { units, hanRuns } = analyseNormalised(normaliseText(text));
  return {
    words: units.filter((u) => u.indexable).map((u) => u.key),
    bigrams: hanRuns.flatMap((run) => bigrams(run)),
    groups: groupTokensOf(matchable(units)),
  };
}

/**
 * Single-stream form: words, then bigrams. Duplicates are kept on purpose (term frequency feeds bm25/ts_rank).
 * Prefer tokeniseForIndexFields with two columns so bigram hits can rank below word hits.
 */
export function tokeniseForIndex(text: string): string[] {
  const { words, bigrams: grams } = tokeniseForIndexFields(text);
  return words.concat(grams);
}

export interface QueryOptions {
  /** false = no synonym expansion; a table = use it instead of data/search/synonyms.json. Default true. */
  synonyms?: boolean | SynonymTable;
}

/** Ends in a letter or digit, i.e. the user may still be typing the last word. */
const ENDS_IN_WORD_RE = /[\p{L}\p{N}]$/u;

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

function alternative(tokens: string[], source: QueryAlternative['source'], bigram: boolean): QueryAlternative {
  const weight =
    source === 'original'
      ? bigram
        ? WEIGHTS.originalBigram
        : WEIGHTS.original
      : bigram
        ? WEIGHTS.synonymBigram
        : WEIGHTS.synonym;
  return { tokens, source, bigram, weight };
}

function buildTerm(
  units: Unit[],
  groups: readonly number[] | undefined,
  table: SynonymTable | undefined,
): QueryTerm | undefined {
  const alternatives: QueryAlternative[] = [];
  const seen = new Set<string>();
  const add = (a: QueryAlternative) => {
    const id = `${a.bigram ? 'b' : 'w'}:${a.tokens.join(' ')}`;
    if (a.tokens.length === 0 || seen.has(id) || alternatives.length >= MAX_ALTERNATIVES) return;
    seen.add(id);
    alternatives.push(a);
  };
  for (const f of phraseForms(units)) add(alternative(f.tokens, 'original', f.bigram));
  // A single Han character (丢) is never an index token, but it is a prefix of words and bigrams (丢失, 丢了).
  const single = units.length === 1 && units[0]!.kind === 'han' && Array.from(units[0]!.text).length === 1;
  if (single) add(alternative([units[0]!.text], 'original', false));
  if (groups && table) for (const f of formsOfGroups(groups, table)) add(alternative(f.tokens, 'synonym', f.bigram));
  if (alternatives.length === 0) return undefined;
  const text = units.map((u) => u.text).join(units.every((u) => u.kind === 'han') ? '' : ' ');
  const domain = groups !== undefined || units.some((u) => isDictionaryTerm(u.text));
  const groupTokens = groups && table ? groups.map((g) => groupToken(table.groups[g]!)) : [];
  return { text, alternatives, prefix: single, domain, groups: groupTokens };
}

/**
 * Query terms for `text`; [] when nothing usable is left (empty, emoji, punctuation, only stop words).
 * Never throws on any string.
 */
export function tokeniseQuery(text: string, options: QueryOptions = {}): QueryTerm[] {
  if (typeof text !== 'string') return [];
  const raw = text.slice(0, MAX_QUERY_INPUT);
  const full = normaliseText(raw);
  const normalised = truncate(full, MAX_QUERY_CHARS).trim();
  // Prefix only if nothing was cut off: a truncated query did not end where the user is typing.
  const typingLastWord = raw.length === text.length && normalised === full && ENDS_IN_WORD_RE.test(raw);
  const units = matchable(analyseNormalised(normalised).units);
  if (units.length === 0) return [];

  const table =
    options.synonyms === false
      ? undefined
      : typeof options.synonyms === 'object'
        ? options.synonyms
        : getSynonymTable();
  const matches = table
    ? findSynonymMatches(
        units.map((u) => u.key),
        table,
      )
    : [];

  const terms: { term: QueryTerm; end: number }[] = [];
  let m = 0;
  for (let i = 0; i < units.length; ) {
    const match = matches[m]?.start === i ? matches[m++] : undefined;
    const end = match ? match.end : i + 1;
    const slice = units.slice(i, end);
    const u = slice[0]!;
    const isLast = end === units.length;
    if (match) {
      const term = buildTerm(slice, match.groups, table);
      if (term) terms.push({ term, end });
    } else if (u.indexable) {
      const term = buildTerm(slice, undefined, undefined);
      if (term) terms.push({ term, end });
    } else if (isLast && typingLastWord && u.kind === 'han' && Array.from(u.text).length === 1 && !isStopWord(u.text)) {
      // A trailing single character the user is still typing (社保卡补|): kept as a prefix term (see buildTerm).
      const term = buildTerm(slice, undefined, undefined);
      if (term) terms.push({ term, end });
    }
    i = end;
  }

  const last = terms[terms.length - 1];
  if (last && last.end === units.length && typingLastWord) last.term.prefix = true;

  // The same words twice ("社保 社保") would only make the AND query stricter for nothing.
  const seen = new Set<string>();
  return terms
    .map((t) => t.term)
    .filter((t) => {
      const id = t.alternatives[0]!.tokens.join(' ');
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .slice(0, MAX_QUERY_TERMS);
}

/**
 * Query terms for a submitted search (not a box being typed in): the query is complete, so no term is a
 * prefix. A lone trailing Han character (the only prefix term a complete query can have, see
 * QueryTerm.prefix) is kept only when it is the whole query: after other words it is a fragment jieba left
 * over (等待期 → 等待 + 期), which as a prefix would match every word starting with it (期限, 期间 …) and
 * costs a merge of all their doclists; the words before it carry the meaning.
 */
export function tokeniseSubmittedQuery(text: string, options: QueryOptions = {}): QueryTerm[] {
  const terms = tokeniseQuery(text, options);
  const isLoneCharacter = (term: QueryTerm) =>
    term.prefix && /^\p{Script=Han}$/u.test(term.alternatives[0]!.tokens.join(''));
  return terms
    .filter((term) => terms.length === 1 || !isLoneCharacter(term))
    .map((term) => (term.prefix && !isLoneCharacter(term) ? { ...term, prefix: false } : term));
}
