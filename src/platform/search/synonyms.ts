/**
 * Synonyms (data/search/synonyms.json). Queries expand to every term of a group (for highlighting and
 * display), and the index also stores one *group token* per synonym found in a document, so a search
 * matches a whole group with one token instead of a phrase per term: see groupToken() and
 * docs/decisions/0102-search-query-planning.md. Editing the synonym file therefore needs a re-index
 * (`npm run reindex`).
 *
 * Every term of a group goes through the same analysis as documents, so a term is stored as the token sequence
 * the index would hold for it ("social security card" -> social secur card; 社会保障卡 -> 社会保障卡 plus its
 * character bigrams). That is how multi-word phrases work in both directions:
 *   - matching: a query's units are matched greedily, longest phrase first, against every term's key sequence
 *     (units' index forms, English stop words left out), so "lost my social insurance card" finds the
 *     3-unit key "social insur card" before the 2-unit "social insur";
 *   - expansion: each alternative is a token sequence that the engine matches as a phrase (FTS5 "a b c",
 *     tsquery a <-> b <-> c).
 */
import { readFileSync } from 'node:fs';
import { analyseNormalised, matchable, normalise, phraseForms, type TokenSequence } from './analysis';

export const SYNONYMS_URL = new URL('../../../data/search/synonyms.json', import.meta.url);

export interface SynonymGroup {
  /** Stable name for logs and tests, e.g. "social-security-card". */
  id: string;
  /** Equivalent terms, any language, any number of words. Order does not matter. */
  terms: string[];
}

/** One way a synonym can appear in the index, with the group term it came from (for debugging/display). */
export interface SynonymForm extends TokenSequence {
  term: string;
}

export interface SynonymTable {
  readonly groups: readonly SynonymGroup[];
  /** Match key (unit keys joined by one space, e.g. "social secur card") -> indices into `groups`. */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** Every leading part of every key ("social", "social secur", "social secur card"): the matcher stops
   * extending a phrase as soon as no key starts with it, so most words cost one lookup. */
  readonly keyPrefixes: ReadonlySet<string>;
  /** Per group, every term's index forms, deduplicated, words before bigrams. */
  readonly forms: readonly (readonly SynonymForm[])[];
}

/** Result of matching a query's units against the table. */
export interface SynonymMatch {
  start: number;
  /** Exclusive. */
  end: number;
  groups: readonly number[];
}

/** The match key of a piece of text: its matchable units' index forms, space-joined ('' if it has none). */
export function matchKey(text: string): string {
  return matchable(analyseNormalised(normalise(text)).units)
    .map((u) => u.key)
    .join(' ');
}

/** Validate the JSON file's shape. Throws with the offending group: bad data should fail at start-up, loudly. */
export function parseSynonymFile(json: unknown): SynonymGroup[] {
  const groups = (json as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) throw new Error('synonyms: expected { "groups": [...] }');
  return groups.map((g, i) => {
    const { id, terms } = (g ?? {}) as { id?: unknown; terms?: unknown };
    if (typeof id !== 'string' || id === '') throw new Error(`synonyms: group #${i} has no id`);
    if (!Array.isArray(terms) || terms.length < 2 || !terms.every((t) => typeof t === 'string')) {
      throw new Error(`synonyms: group "${id}" needs at least two string terms`);
    }
    return { id, terms: terms as string[] };
  });
}

export function buildSynonymTable(groups: readonly SynonymGroup[]): SynonymTable {
  const tokens = new Map<string, string>();
  for (const group of groups) {
    const token = groupToken(group);
    if (tokens.has(token))
      throw new Error(`synonyms: groups "${tokens.get(token)}" and "${group.id}" share the index token ${token}`);
    tokens.set(token, group.id);
  }
  const byKey = new Map<string, number[]>();
  const keyPrefixes = new Set<string>();
  const forms: SynonymForm[][] = [];
  groups.forEach((group, gi) => {
    const seen = new Set<string>();
    const words: SynonymForm[] = [];
    const grams: SynonymForm[] = [];
    for (const term of group.terms) {
      const units = matchable(analyseNormalised(normalise(term)).units);
      if (units.length === 0) throw new Error(`synonyms: term "${term}" in group "${group.id}" has no tokens`);
      const key = units.map((u) => u.key).join(' ');
      const list = byKey.get(key) ?? [];
      // A term listed in two groups expands to both (union), rather than the last group silently winning.
      if (!list.includes(gi)) list.push(gi);
      byKey.set(key, list);
      for (let n = 1; n <= units.length; n++)
        keyPrefixes.add(
          units
            .slice(0, n)
            .map((u) => u.key)
            .join(' '),
        );
      for (const form of phraseForms(units)) {
        const id = `${form.bigram ? 'b' : 'w'}:${form.tokens.join(' ')}`;
        if (seen.has(id)) continue;
        seen.add(id);
        (form.bigram ? grams : words).push({ ...form, term });
      }
    }
    forms.push([...words, ...grams]);
  });
  return { groups, byKey, keyPrefixes, forms };
}

/**
 * The index token that stands for a synonym group: "xsg" and the group id's letters and digits. Tokens are
 * [a-z0-9] only; no word of ordinary text starts with "xsg".
 */
export function groupToken(group: SynonymGroup): string {
  return `xsg${group.id.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

/** Group tokens of every synonym in a text, in order (a group found twice appears twice: term frequency). */
export function groupTokensOf(units: readonly { key: string }[], table: SynonymTable = getSynonymTable()): string[] {
  return findSynonymMatches(
    units.map((u) => u.key),
    table,
  ).flatMap((m) => m.groups.map((g) => groupToken(table.groups[g]!)));
}

let cached: SynonymTable | undefined;

/** The table built from data/search/synonyms.json, loaded once per process. */
export function getSynonymTable(): SynonymTable {
  cached ??= buildSynonymTable(parseSynonymFile(JSON.parse(readFileSync(SYNONYMS_URL, 'utf8'))));
  return cached;
}

/**
 * Greedy longest-first matching of unit keys against the table, left to right. Units not covered by a match
 * are simply absent from the result.
 */
export function findSynonymMatches(keys: readonly string[], table: SynonymTable = getSynonymTable()): SynonymMatch[] {
  const matches: SynonymMatch[] = [];
  let i = 0;
  while (i < keys.length) {
    let found: SynonymMatch | undefined;
    // Extend the phrase word by word while some key starts with it; the longest key matched wins.
    let phrase = keys[i]!;
    for (let end = i + 1; end <= keys.length && table.keyPrefixes.has(phrase); end++) {
      const groups = table.byKey.get(phrase);
      if (groups) found = { start: i, end, groups };
      if (end < keys.length) phrase += ` ${keys[end]!}`;
    }
    if (found) {
      matches.push(found);
      i = found.end;
    } else {
      i++;
    }
  }
  return matches;
}

/** Index forms of all groups, deduplicated across groups (words first, then bigrams). */
export function formsOfGroups(groups: readonly number[], table: SynonymTable = getSynonymTable()): SynonymForm[] {
  const all = groups.flatMap((g) => table.forms[g] ?? []);
  const seen = new Set<string>();
  const unique = all.filter((f) => {
    const id = `${f.bigram ? 'b' : 'w'}:${f.tokens.join(' ')}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return [...unique.filter((f) => !f.bigram), ...unique.filter((f) => f.bigram)];
}

/**
 * All synonym forms of a whole phrase ("社保卡", "lost", "social security card"), including the phrase's own
 * forms; [] when the phrase is not a synonym term. Convenience for tests, admin tools and debugging.
 */
export function expandSynonyms(phrase: string, table: SynonymTable = getSynonymTable()): SynonymForm[] {
  const groups = table.byKey.get(matchKey(phrase));
  return groups ? formsOfGroups(groups, table) : [];
}
