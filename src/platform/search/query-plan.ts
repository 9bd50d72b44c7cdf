import type { QueryAlternative, QueryTerm } from './tokeniser';

/**
 * Natural queries are 2–4 words, any of which may be missing from the best document. Ranking every
 * document that holds any word (a plain OR query) costs most at scale, so a search runs in stages:
 * documents holding all terms first, then those missing one term, then any term. Each stage is an AND
 * query (cheap: intersections), the first stages usually fill the page, and within a stage documents
 * are ranked by BM25. Documents matching more terms rank above those matching fewer (coordination),
 * which also suits quality: a hit on every word people typed is the better answer.
 * See docs/decisions/0102-search-query-planning.md.
 */
export interface Stage {
  /** Term groups: a document must match at least one group, and all terms of that group. */
  groups: QueryTerm[][];
  /** Match in titles (and aliases) only. */
  titleOnly: boolean;
  /** Terms each matching document is known to hold. */
  matchedTerms: number;
}

/** `total` counts matches up to this many (both engines). */
export const TOTAL_CAP = 200;

/** Beyond this many terms, dropping one term at a time makes too many groups; the tail stages collapse. */
const MAX_DROP_ONE_TERMS = 6;

export function planStages(queryTerms: QueryTerm[]): Stage[] {
  const terms = queryTerms.map(searchableTerm);
  const n = terms.length;
  if (n === 0) return [];
  // A question whose title (or an alias) holds every word is the strongest match, and titles are short,
  // so this stage is small and cheap to rank exactly.
  const dropOne = terms.map((_, skip) => terms.filter((__, i) => i !== skip));
  const stages: Stage[] = [{ groups: [terms], titleOnly: true, matchedTerms: n }];
  if (n >= 3 && n <= MAX_DROP_ONE_TERMS) stages.push({ groups: dropOne, titleOnly: true, matchedTerms: n - 1 });
  stages.push({ groups: [terms], titleOnly: false, matchedTerms: n });
  if (n >= 3 && n <= MAX_DROP_ONE_TERMS) stages.push({ groups: dropOne, titleOnly: false, matchedTerms: n - 1 });
  if (n >= 2) stages.push({ groups: terms.map((t) => [t]), titleOnly: false, matchedTerms: 1 });
  return stages;
}

/**
 * Every phrase of a query is scored for every candidate, so alternatives cost time. A synonym group is
 * searched as its one group token (the index holds it wherever any of the group's terms occurs) instead
 * of one phrase per term; the user's own words keep their word and bigram forms.
 */
export function searchableTerm(term: QueryTerm): QueryTerm {
  const own = term.alternatives.filter((a) => a.source === 'original');
  const groups = term.groups.map((token) => ({
    tokens: [token],
    source: 'synonym' as const,
    bigram: false,
    weight: 0.8,
  }));
  return { ...term, alternatives: [...own, ...groups] };
}

interface SearchedAlternative {
  alt: QueryAlternative;
  /** The as-you-type prefix form of the user's own word. */
  prefix: boolean;
  /** In every column: word and bigram forms at once. */
  anywhere: boolean;
}

/**
 * A term's alternatives as they are searched. A token sequence that is both a word form and a bigram form
 * (a two-character Han word: 额度 the jieba word and 额度 the character bigram) is searched once, `anywhere`:
 * in the word and the bigram columns (FTS5) / weights (PostgreSQL). The as-you-type prefix form stays apart.
 */
function alternativesByColumns(term: QueryTerm): SearchedAlternative[] {
  const key = (alt: QueryAlternative) => alt.tokens.join(' ');
  const isPrefix = (i: number) => term.prefix && i === 0 && !term.alternatives[0]!.bigram;
  const words = new Set(term.alternatives.filter((alt, i) => !alt.bigram && !isPrefix(i)).map(key));
  const bigrams = new Set(term.alternatives.filter((alt) => alt.bigram).map(key));
  return term.alternatives.flatMap((alt, i): SearchedAlternative[] => {
    if (isPrefix(i)) return [{ alt, prefix: true, anywhere: false }];
    const twin = alt.bigram ? words.has(key(alt)) : bigrams.has(key(alt));
    // The bigram twin is searched with its word form.
    if (twin && alt.bigram) return [];
    return [{ alt, prefix: false, anywhere: twin }];
  });
}

// ---- SQLite FTS5 -----------------------------------------------------------------------

/** The FTS5 column filters of a kind (kinds.ts): word and bigram columns, anywhere and in the title only. */
export interface FtsColumns {
  words: string;
  bigrams: string;
  titleWords: string;
  titleBigrams: string;
  title: string;
}

// Tokens are [a-z0-9]+ or Han only (tokeniser guarantee), so quoting cannot be broken out of.
const phrase = (tokens: string[], prefix: boolean) => `"${tokens.join(' ')}"${prefix ? '*' : ''}`;

function bigramColumns(columns: FtsColumns, titleOnly: boolean): string {
  return titleOnly ? columns.titleBigrams : columns.bigrams;
}

function ftsAlternative(alt: QueryAlternative, prefix: boolean, columns: FtsColumns, titleOnly: boolean): string {
  const set = alt.bigram ? bigramColumns(columns, titleOnly) : titleOnly ? columns.titleWords : columns.words;
  return `${set} : ${phrase(alt.tokens, prefix)}`;
}

export function ftsTerm(term: QueryTerm, columns: FtsColumns, titleOnly = false): string {
  const parts = alternativesByColumns(term).map(({ alt, prefix, anywhere }) =>
    anywhere
      ? // Word and bigram columns alike: no column filter, which FTS5 also checks faster (no position lists).
        `${titleOnly ? `${columns.title} : ` : ''}${phrase(alt.tokens, false)}`
      : ftsAlternative(alt, prefix, columns, titleOnly),
  );
  // A prefix being typed may be the start of a word or of a bigram.
  const first = term.alternatives[0]!;
  if (term.prefix && !first.bigram && /^\p{Script=Han}/u.test(first.tokens[0]!)) {
    parts.push(`${bigramColumns(columns, titleOnly)} : ${phrase(first.tokens, true)}`);
  }
  return `(${parts.join(' OR ')})`;
}

export function ftsGroups(groups: QueryTerm[][], columns: FtsColumns, titleOnly = false): string {
  const and = (group: QueryTerm[]) => group.map((t) => ftsTerm(t, columns, titleOnly)).join(' AND ');
  return groups.length === 1 ? and(groups[0]!) : groups.map((g) => `(${and(g)})`).join(' OR ');
}

// ---- PostgreSQL tsquery ----------------------------------------------------------------

/** Weights in the tsvector: A title words, B title bigrams, C body and legal words, D body and legal bigrams. */
export const PG_WORD_WEIGHTS = 'AC';
export const PG_BIGRAM_WEIGHTS = 'BD';

function tsAlternative(alt: QueryAlternative, prefix: boolean, titleOnly: boolean, anyWeights?: string): string {
  const weights =
    anyWeights ?? (alt.bigram ? (titleOnly ? 'B' : PG_BIGRAM_WEIGHTS) : titleOnly ? 'A' : PG_WORD_WEIGHTS);
  const lexemes = alt.tokens.map(
    (token, i) => `'${token}':${prefix && i === alt.tokens.length - 1 ? '*' : ''}${weights}`,
  );
  return lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(' <-> ')})`;
}

export function tsTerm(term: QueryTerm, titleOnly = false): string {
  const parts = alternativesByColumns(term).map(({ alt, prefix, anywhere }) =>
    anywhere ? tsAlternative(alt, false, titleOnly, titleOnly ? 'AB' : 'ABCD') : tsAlternative(alt, prefix, titleOnly),
  );
  const first = term.alternatives[0]!;
  if (term.prefix && !first.bigram && /^\p{Script=Han}/u.test(first.tokens[0]!)) {
    parts.push(tsAlternative({ ...first, bigram: true }, true, titleOnly));
  }
  return `(${parts.join(' | ')})`;
}

export function tsGroups(groups: QueryTerm[][], titleOnly = false): string {
  const and = (group: QueryTerm[]) => group.map((t) => tsTerm(t, titleOnly)).join(' & ');
  return groups.length === 1 ? and(groups[0]!) : groups.map((g) => `(${and(g)})`).join(' | ');
}
