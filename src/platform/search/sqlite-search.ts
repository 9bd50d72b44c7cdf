import { sql } from 'kysely';
import { chunksOf } from '../db/chunks';
import { Candidates } from './candidates';
import { attributeConditions, hasFilter } from './filters';
import { BAND_STRIDE, bandImpact, IMPACT_LIST_READ, IMPACT_SCALE, idf, unlistedImpact } from './impacts';
import { countDocuments } from './kind-state';
import { kindTables, type SearchKind } from './kinds';
import { ftsGroups, ftsTerm, planStages, searchableTerm, TOTAL_CAP } from './query-plan';
import type { QueryTerm } from './tokeniser';
import type { Db, SearchFilter, SearchOptions, SearchResult } from './types';

/**
 * A search on SQLite (docs/decisions/0108-search-impact-lists.md, 0109-search-leaders-checked.md):
 * 1. the impact lists: each query token's best documents over the whole corpus (bounded work);
 * 2. the leaders: the documents that would rank best if they held every term their lists do not show
 *    (plan.leadersChecked of them) are checked against the full-text index, term by term, so the top of
 *    the ranking knows which documents hold every word;
 * 3. the full-text stages (all terms, all but one, any term), newest first and at most plan.fullTextCap
 *    a stage, only while fewer than ENOUGH_FOR_A_STAGE documents are known to hold that many terms: they find
 *    what the lists leave out (words said once in a long body, bigrams, phrases);
 * and ranks the union in JavaScript (candidates.ts). FTS5's bm25() is not used: it counts each
 * phrase's documents over the whole index on every query, a cost that grows with the corpus.
 */

/** How much a search on SQLite does; DEFAULT_PLAN is what the site runs. */
export interface SearchPlan {
  /** Leaders checked term by term against the full-text index (a check costs 5–300 µs a document and term). */
  leadersChecked: number;
  /**
   * Full-text matches of one stage taken into the ranking (early termination). A stage's documents that no
   * list holds all score alike, so only the newest of them can reach a page; the leaders' check has already
   * told which listed ones hold every term.
   */
  fullTextCap: number;
  /** Run the all-terms stage even when the lists and checks know enough documents holding every term. */
  alwaysAllTerms: boolean;
}

export const DEFAULT_PLAN: SearchPlan = { leadersChecked: 40, fullTextCap: 50, alwaysAllTerms: false };

/**
 * What DEFAULT_PLAN approximates: every candidate checked, every document holding all terms found. For the
 * search benchmark's agreement figure only: at 1 M documents it takes a fifth of a second a query.
 */
export const EXHAUSTIVE_PLAN: SearchPlan = {
  leadersChecked: Number.MAX_SAFE_INTEGER,
  fullTextCap: Number.MAX_SAFE_INTEGER,
  alwaysAllTerms: true,
};

/** The leaders' check is skipped when this many best documents already rank above every leader's best case. */
const SETTLED = 10;
/** A full-text stage is skipped when this many documents are known to hold its terms. */
const ENOUGH_FOR_A_STAGE = 10;

/** A kind's table names as SQL, made once per kind. */
const tablesOf = new WeakMap<
  SearchKind,
  { fts: ReturnType<typeof sql.raw>; impacts: ReturnType<typeof sql.raw>; attributes: ReturnType<typeof sql.raw> }
>();
function tables(kind: SearchKind) {
  let found = tablesOf.get(kind);
  if (!found) {
    const t = kindTables(kind);
    found = { fts: sql.raw(t.fts), impacts: sql.raw(t.impacts), attributes: sql.raw(t.attributes) };
    tablesOf.set(kind, found);
  }
  return found;
}

/**
 * ` and +rowid in (documents meeting the filter)`, for a full-text query; empty without a filter. The unary `+`
 * keeps the list away from FTS5: handed the constraint, FTS5 looks the query up once per listed document (a broad
 * filter at 20 k jobs: 1.8 s instead of 5 ms); without it, FTS5 walks its matches and SQLite checks each against
 * the list, built once.
 */
function filterClause(kind: SearchKind, filter: SearchFilter | undefined) {
  if (!hasFilter(filter)) return sql``;
  return sql` and +rowid in (select doc from ${tables(kind).attributes} where ${attributeConditions(kind, filter)})`;
}

/**
 * The rowids (band × 2^32 + document id) of a token's IMPACT_LIST_READ best list entries. As one JSON array
 * rather than a row per entry: a thousand row objects cost more than SQLite's own work (measured: 0.63
 * against 0.27 ms a list at 1 M).
 */
async function readImpactList(db: Db, kind: SearchKind, token: string): Promise<number[]> {
  const { impacts } = tables(kind);
  // Tokens are [a-z0-9]+ or Han only (tokeniser guarantee): safe inside FTS5 double quotes.
  const { rows } = await sql<{ rowids: string }>`
    select json_group_array(rowid) as rowids from (
      select rowid from ${impacts} where ${impacts} match ${`"${token}"`} order by rowid desc limit ${IMPACT_LIST_READ}
    )`.execute(db);
  return JSON.parse(rows[0]?.rowids ?? '[]') as number[];
}

/** Ids among `docs` that pass the filter. */
async function passingFilter(db: Db, kind: SearchKind, docs: number[], filter: SearchFilter): Promise<Set<number>> {
  const pass = new Set<number>();
  const conditions = attributeConditions(kind, filter);
  for (const chunk of chunksOf(docs.map((id) => ({ id })))) {
    const rows = await sql<{ id: number }>`
      select doc as id from ${tables(kind).attributes}
      where doc in (${sql.join(chunk.map((c) => c.id))}) and ${conditions}`.execute(db);
    for (const row of rows.rows) pass.add(row.id);
  }
  return pass;
}

/**
 * Which of `docs` hold `term`, from the full-text index. The ids go in as one JSON array, whose values are
 * INTEGERs: FTS5 then looks each one up. A bound JavaScript number arrives as a REAL, which FTS5 does not
 * take as a rowid constraint: it would walk the whole term for each id.
 */
async function holding(db: Db, kind: SearchKind, term: QueryTerm, docs: number[]): Promise<number[]> {
  const { fts } = tables(kind);
  const { rows } = await sql<{ id: number }>`
    select rowid as id from ${fts}
    where ${fts} match ${ftsTerm(term, kind.columnSets)}
    and rowid in (select value from json_each(${JSON.stringify(docs)}))`.execute(db);
  return rows.map((row) => row.id);
}

/** Full-text rows read at a time while looking for the newest documents that meet a filter held in memory. */
const FIRST_READ = 256;
const LARGEST_READ = 16_384;

/**
 * The newest `cap` documents matching an FTS5 query that `meets` accepts: the matches are read newest first, a
 * growing slice at a time (each below the last rowid read, bound as an INTEGER), and checked in memory; no pass
 * over the attributes table to list the documents meeting the filter.
 */
async function newestMeeting(
  db: Db,
  kind: SearchKind,
  match: string,
  cap: number,
  meets: (doc: number) => boolean,
): Promise<number[]> {
  const { fts } = tables(kind);
  const found: number[] = [];
  let below: bigint | undefined;
  for (let read = FIRST_READ; found.length < cap; read = Math.min(read * 4, LARGEST_READ)) {
    const bound = below === undefined ? sql`` : sql` and rowid < ${below}`;
    const { rows } = await sql<{ ids: string }>`
      select json_group_array(rowid) as ids from (
        select rowid from ${fts} where ${fts} match ${match}${bound} order by rowid desc limit ${read}
      )`.execute(db);
    const ids = JSON.parse(rows[0]?.ids ?? '[]') as number[];
    for (const id of ids) if (found.length < cap && meets(id)) found.push(id);
    if (ids.length < read) break;
    below = BigInt(ids[ids.length - 1]!);
  }
  return found;
}

export async function searchSqliteIndex(
  db: Db,
  kind: SearchKind,
  queryTerms: QueryTerm[],
  {
    filter,
    offset,
    limit,
    everyTerm = false,
    meetsFilter,
    holdingAll,
  }: SearchOptions & {
    /** The filter as a test held in memory (attribute-views.ts), used instead of asking SQL when given. */
    meetsFilter?: (doc: number) => boolean;
    /**
     * The documents holding every term and meeting the filter, from memory (attribute-views.ts): the newest
     * `cap` of them, and how many. The all-terms stage and its total then read no full-text matches.
     */
    holdingAll?: { newest(cap: number): Promise<number[]>; count(): Promise<number> };
  },
  plan: SearchPlan = DEFAULT_PLAN,
): Promise<SearchResult> {
  const documents = Math.max(0, await countDocuments(db, kind.name));
  const { fts } = tables(kind);
  const terms = queryTerms.map(searchableTerm);

  // 1. Impact lists: each single-token alternative's best documents, over the whole corpus.
  const keys = terms.map((term) =>
    term.alternatives
      .filter((alt, i) => alt.tokens.length === 1 && !alt.bigram && !(term.prefix && i === 0))
      .map((alt) => ({ token: alt.tokens[0]!, weight: alt.weight })),
  );
  const lists = new Map<string, number[]>();
  for (const { token } of keys.flat()) {
    if (!lists.has(token)) lists.set(token, await readImpactList(db, kind, token));
  }
  const idfOf = (token: string) => idf(documents, lists.get(token)?.length ?? 0);
  // A term matched only by the full-text index counts as common (a listed count of a full read).
  const commonIdf = idf(documents, Math.min(documents, IMPACT_LIST_READ));
  let listed = 0;
  for (const list of lists.values()) listed += list.length;
  const candidates = new Candidates(
    keys.map((k) => Math.max(commonIdf, ...k.map((key) => idfOf(key.token)))),
    unlistedImpact(kind.impactFields),
    listed + Math.min(plan.fullTextCap, 1024),
  );
  keys.forEach((termKeys, term) => {
    for (const key of termKeys) {
      const factor = (key.weight * idfOf(key.token)) / IMPACT_SCALE;
      for (const rowid of lists.get(key.token) ?? []) {
        const band = Math.floor(rowid / BAND_STRIDE);
        candidates.addListed(rowid - band * BAND_STRIDE, term, factor * bandImpact(band));
      }
    }
  });
  if (hasFilter(filter) && meetsFilter) candidates.retain(meetsFilter);
  else if (hasFilter(filter)) {
    const pass = await passingFilter(db, kind, candidates.docs(), filter);
    candidates.retain((doc) => pass.has(doc));
  }

  // 2. The leaders' terms their lists do not show, one statement per term; none when the best SETTLED
  // already rank above every leader's best case. Like everything before the page is cut, independent of the
  // page asked for: every page ranks the same candidates (no document shown on two pages or on none).
  const leaders = terms.length > 1 ? candidates.leaders(plan.leadersChecked) : [];
  if (leaders.length > 0 && !candidates.settledAbove(SETTLED, leaders[0]!.bestCase)) {
    for (let term = 0; term < terms.length; term++) {
      const docs = leaders.filter((leader) => leader.unknown & (1 << term)).map((leader) => leader.doc);
      if (docs.length > 0) candidates.addChecked(docs, term, await holding(db, kind, terms[term]!, docs));
    }
  }

  // 3. The full-text index: words the lists left out, bigrams, phrases; newest first, fullTextCap a stage.
  const where = filterClause(kind, filter);
  const inMemory = hasFilter(filter) ? meetsFilter : undefined;
  /** The newest `cap` documents of an FTS5 query that meet the filter. */
  const newest = async (match: string, cap: number) => {
    if (inMemory) return newestMeeting(db, kind, match, cap, inMemory);
    const { rows } = await sql<{ id: number }>`
      select rowid as id from ${fts} where ${fts} match ${match}${where} order by rowid desc limit ${cap}`.execute(db);
    return rows.map((row) => row.id);
  };
  const stages = planStages(queryTerms).filter(
    (stage) => !stage.titleOnly && (!everyTerm || stage.matchedTerms === terms.length),
  );
  const any = stages.at(-1);
  let anyRows: number | undefined;
  for (const stage of stages) {
    const forced = plan.alwaysAllTerms && stage === stages[0];
    if (!forced && candidates.countMatching(stage.matchedTerms) >= ENOUGH_FOR_A_STAGE) break;
    const ids =
      holdingAll && stage.matchedTerms === terms.length
        ? await holdingAll.newest(plan.fullTextCap)
        : await newest(ftsGroups(stage.groups, kind.columnSets), plan.fullTextCap);
    for (const id of ids) candidates.addMatched(id, stage.matchedTerms);
    if (stage === any) anyRows = ids.length;
  }

  // total: documents found either way, and those the full-text index finds for any term, up to the cap
  // (nothing more to find when the any-term stage ran and came back short of its own cap).
  if (holdingAll && any?.matchedTerms === terms.length) {
    // Every document the total counts is in memory's set: exact, whatever the cap.
    const counted = Math.max(await holdingAll.count(), candidates.countMatching(terms.length));
    const ranked = candidates.ranked(offset + limit).filter((hit) => !everyTerm || hit.matchedTerms === terms.length);
    return {
      hits: ranked.slice(offset),
      total: Math.min(counted, TOTAL_CAP),
      totalIsCapped: counted > TOTAL_CAP,
    };
  }
  const found = new Set(candidates.docs());
  const anyComplete = anyRows !== undefined && anyRows < plan.fullTextCap;
  if (any && !anyComplete && found.size <= TOTAL_CAP) {
    for (const id of await newest(ftsGroups(any.groups, kind.columnSets), TOTAL_CAP + 1)) found.add(id);
  }
  const ranked = candidates.ranked(offset + limit).filter((hit) => !everyTerm || hit.matchedTerms === terms.length);
  return {
    hits: ranked.slice(offset),
    total: Math.min(found.size, TOTAL_CAP),
    totalIsCapped: found.size > TOTAL_CAP,
  };
}
