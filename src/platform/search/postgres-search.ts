import { sql } from 'kysely';
import { Candidates } from './candidates';
import { attributeConditions, hasFilter } from './filters';
import { bandImpact, IMPACT_LIST_READ, IMPACT_SCALE, idf, unlistedImpact } from './impacts';
import { kindTables, type SearchKind } from './kinds';
import { newestMatching } from './postgres-eras';
import { planStages, type Stage, searchableTerm, TOTAL_CAP, tsGroups } from './query-plan';
import type { SearchPlan } from './sqlite-search';
import type { QueryTerm } from './tokeniser';
import type { Db, SearchFilter, SearchHit, SearchOptions, SearchResult } from './types';

/**
 * A search on PostgreSQL with the SQLite engine's bounded-work plan (decisions 0108, 0109; 0123 for PostgreSQL):
 * 1. the impact lists (`search_<kind>_impacts`, a b-tree on token, band, doc): each query token's best
 *    IMPACT_LIST_READ documents, read in one statement for all tokens;
 * 2. the leaders: the documents that would rank best if they held every term their lists do not show are looked
 *    up by id and their tsvector asked, one statement for all terms;
 * 3. the full-text stages over the GIN index (all terms, all but one, any term), newest first and at most
 *    plan.fullTextCap a stage (asked in windows of the newest ids: postgres-eras.ts, decision 0124), only while
 *    fewer than ENOUGH_FOR_A_STAGE documents are known to hold that many terms;
 * and ranks the union in JavaScript (candidates.ts), as on SQLite. ts_rank is not used: it reads the tsvector of
 * every match before it ranks the first (searchByTsRankStages below, the plan before).
 */

/** The leaders' check is skipped when this many best documents already rank above every leader's best case. */
const SETTLED = 10;
/** A full-text stage is skipped when this many documents are known to hold its terms. */
const ENOUGH_FOR_A_STAGE = 10;

/**
 * A query's tsquery for the documents holding every term of one of the groups (each term in any field), without
 * the weight marks that change nothing. The GIN index holds lexemes without weights: a weighted lexeme makes
 * PostgreSQL recheck every match against its tsvector, read (and decompressed) from TOAST, a cost that grows with
 * the matches. A weight tells apart only a two-character Han word from the character bigram spelled alike
 * (A/C words, B/D bigrams); an English word, a synonym group token or a Han word of another length has one kind of
 * weight in every document, and ABCD is every weight.
 */
export function unweightedWhereSame(query: string): string {
  return query.replace(/'([^']+)':(\*?)([A-D]+)/g, (mark, token: string, prefix: string, weights: string) =>
    weights === 'ABCD' || !/^\p{Script=Han}{2}$/u.test(token) ? `'${token}'${prefix ? ':*' : ''}` : mark,
  );
}

const tsquery = (groups: QueryTerm[][]) => sql`cast(${unweightedWhereSame(tsGroups(groups))} as tsquery)`;

function filterClause(kind: SearchKind, filter: SearchFilter | undefined) {
  return hasFilter(filter) ? sql` and ${attributeConditions(kind, filter, 'd')}` : sql``;
}

/** What a search reads first, in one statement: each token's best list entries, the kind's counts. */
interface Opening {
  lists: Map<string, { docs: number[]; bands: number[] }>;
  /** Documents in the kind's index (for the idf); -1 while it must be rebuilt, as countDocuments. */
  documents: number;
  /** The highest document id: where the full-text stages' newest-first windows start (postgres-eras.ts). */
  maxId: number;
}

/** A list sent as text ("1,2,3"): node-postgres parses an integer array element by element, a third slower. */
const numbers = (text: string | null) => (text ? text.split(',').map(Number) : []);

/**
 * Each token's IMPACT_LIST_READ best list entries (highest impact band first, then the newer document), with the
 * document count and the highest id beside them, so a search starts with one round trip.
 */
async function readOpening(db: Db, kind: SearchKind, tokens: string[]): Promise<Opening> {
  const { documents: table, impacts: impactsTable } = kindTables(kind);
  const impacts = sql.raw(impactsTable);
  const counts = sql`(select documents from search_kinds where name = ${kind.name}) as documents,
    (select max(id) from ${sql.raw(table)}) as max_id`;
  const { rows } = await sql<{
    token: string | null;
    docs: string | null;
    bands: string | null;
    documents: string | number | null;
    max_id: number | null;
  }>`
    select t.token, l.docs, l.bands, ${counts} from unnest(cast(${tokens} as text[])) t(token)
    cross join lateral (
      select string_agg(doc::text, ',') as docs, string_agg(band::text, ',') as bands from (
        select i.doc, i.band from ${impacts} i where i.token = t.token
        order by i.band desc, i.doc desc limit ${IMPACT_LIST_READ}
      ) best
    ) l
    union all select null, null, null, ${counts} where cardinality(cast(${tokens} as text[])) = 0`.execute(db);
  const lists = new Map<string, { docs: number[]; bands: number[] }>();
  for (const row of rows)
    if (row.token !== null) lists.set(row.token, { docs: numbers(row.docs), bands: numbers(row.bands) });
  return { lists, documents: Number(rows[0]?.documents ?? 0), maxId: Number(rows[0]?.max_id ?? 0) };
}

/** Ids among `docs` that pass the filter. */
async function passingFilter(db: Db, kind: SearchKind, docs: number[], filter: SearchFilter): Promise<Set<number>> {
  const table = sql.raw(kindTables(kind).documents);
  const { rows } = await sql<{ ids: number[] | null }>`
    select array_agg(d.id) as ids from ${table} d
    where d.id = any(cast(${docs} as integer[])) and ${attributeConditions(kind, filter, 'd')}`.execute(db);
  return new Set(rows[0]?.ids ?? []);
}

/**
 * For each of `docs`, which of `terms` its tsvector holds: one row per document found, `holds[i]` for term i.
 * Each tsvector is read (and detoasted) once, whatever the number of terms.
 */
async function holdingTerms(db: Db, kind: SearchKind, terms: QueryTerm[], docs: number[]) {
  const table = sql.raw(kindTables(kind).documents);
  const tests = sql.join(terms.map((term) => sql`d.document @@ ${tsquery([[term]])}`));
  const { rows } = await sql<{ id: number; holds: boolean[] }>`
    select d.id, array[${tests}] as holds from ${table} d where d.id = any(cast(${docs} as integer[]))`.execute(db);
  return rows;
}

export async function searchPostgresIndex(
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
    meetsFilter?: (doc: number) => boolean;
    holdingAll?: { newest(cap: number): Promise<number[]>; count(): Promise<number> };
  },
  plan: SearchPlan,
): Promise<SearchResult> {
  const table = sql.raw(kindTables(kind).documents);
  const terms = queryTerms.map(searchableTerm);

  // 1. Impact lists: each single-token alternative's best documents, over the whole corpus.
  const keys = terms.map((term) =>
    term.alternatives
      .filter((alt, i) => alt.tokens.length === 1 && !alt.bigram && !(term.prefix && i === 0))
      .map((alt) => ({ token: alt.tokens[0]!, weight: alt.weight })),
  );
  const opening = await readOpening(db, kind, [...new Set(keys.flat().map((key) => key.token))]);
  const { lists, maxId } = opening;
  const documents = Math.max(0, opening.documents);
  const idfOf = (token: string) => idf(documents, lists.get(token)?.docs.length ?? 0);
  const commonIdf = idf(documents, Math.min(documents, IMPACT_LIST_READ));
  let listed = 0;
  for (const list of lists.values()) listed += list.docs.length;
  const candidates = new Candidates(
    keys.map((k) => Math.max(commonIdf, ...k.map((key) => idfOf(key.token)))),
    unlistedImpact(kind.impactFields),
    listed + Math.min(plan.fullTextCap, 1024),
  );
  keys.forEach((termKeys, term) => {
    for (const key of termKeys) {
      const factor = (key.weight * idfOf(key.token)) / IMPACT_SCALE;
      const list = lists.get(key.token);
      if (!list) continue;
      for (let i = 0; i < list.docs.length; i++)
        candidates.addListed(list.docs[i]!, term, factor * bandImpact(list.bands[i]!));
    }
  });
  if (hasFilter(filter) && meetsFilter) candidates.retain(meetsFilter);
  else if (hasFilter(filter)) {
    const pass = await passingFilter(db, kind, candidates.docs(), filter);
    candidates.retain((doc) => pass.has(doc));
  }

  // 3, set out here and run after the leaders' check: the full-text stages, for words the lists left out, bigrams
  // and phrases; newest first, fullTextCap a stage.
  const where = filterClause(kind, filter);
  const stages = planStages(queryTerms).filter(
    (stage) => !stage.titleOnly && (!everyTerm || stage.matchedTerms === terms.length),
  );
  const newest = (groups: QueryTerm[][], cap: number) =>
    newestMatching(db, table, sql`d.document @@ ${tsquery(groups)}${where}`, cap, maxId);
  const runStage = (stage: Stage) =>
    holdingAll && stage.matchedTerms === terms.length
      ? holdingAll.newest(plan.fullTextCap)
      : newest(stage.groups, plan.fullTextCap);
  const needed = (stage: Stage) =>
    (plan.alwaysAllTerms && stage === stages[0]) || candidates.countMatching(stage.matchedTerms) < ENOUGH_FOR_A_STAGE;
  // The first stage starts beside the leaders' check when the lists alone leave it needed: its rows do not depend
  // on the check, only whether it is still needed does (decision 0124). It is awaited either way, so no statement
  // outlives the search.
  const first = stages[0];
  const leaders = terms.length > 1 ? candidates.leaders(plan.leadersChecked) : [];
  const checking = leaders.length > 0 && !candidates.settledAbove(SETTLED, leaders[0]!.bestCase);
  const early = first && checking && needed(first) ? runStage(first) : undefined;
  early?.catch(() => undefined);

  // 2. The leaders' terms their lists do not show, all in one statement; none when the best SETTLED already rank
  // above every leader's best case. Independent of the page asked for, as on SQLite.
  if (checking) {
    const asked = terms.map((_, term) => leaders.some((leader) => leader.unknown & (1 << term)));
    const askedTerms = terms.filter((_, term) => asked[term]);
    const found = new Map<number, boolean[]>();
    const rows = await holdingTerms(
      db,
      kind,
      askedTerms,
      leaders.map((leader) => leader.doc),
    );
    for (const row of rows) found.set(Number(row.id), row.holds);
    let column = 0;
    for (let term = 0; term < terms.length; term++) {
      if (!asked[term]) continue;
      const docs = leaders.filter((leader) => leader.unknown & (1 << term)).map((leader) => leader.doc);
      const at = column++;
      candidates.addChecked(
        docs,
        term,
        docs.filter((doc) => found.get(doc)?.[at] === true),
      );
    }
  }

  // 3. The full-text stages, in turn while needed.
  const any = stages.at(-1);
  let anyRows: number | undefined;
  for (const stage of stages) {
    if (!needed(stage)) break;
    const ids = stage === first && early ? await early : await runStage(stage);
    for (const id of ids) candidates.addMatched(id, stage.matchedTerms);
    if (stage === any) anyRows = ids.length;
  }
  if (early) await early;

  // total: as on SQLite (sqlite-search.ts).
  if (holdingAll && any?.matchedTerms === terms.length) {
    const counted = Math.max(await holdingAll.count(), candidates.countMatching(terms.length));
    const ranked = candidates.ranked(offset + limit).filter((hit) => !everyTerm || hit.matchedTerms === terms.length);
    return { hits: ranked.slice(offset), total: Math.min(counted, TOTAL_CAP), totalIsCapped: counted > TOTAL_CAP };
  }
  const found = new Set(candidates.docs());
  const anyComplete = anyRows !== undefined && anyRows < plan.fullTextCap;
  if (any && !anyComplete && found.size <= TOTAL_CAP) {
    for (const id of await newest(any.groups, TOTAL_CAP + 1)) found.add(id);
  }
  const ranked = candidates.ranked(offset + limit).filter((hit) => !everyTerm || hit.matchedTerms === terms.length);
  return { hits: ranked.slice(offset), total: Math.min(found.size, TOTAL_CAP), totalIsCapped: found.size > TOTAL_CAP };
}

/** Matches of one stage ranked with ts_rank (early termination), and title matches ranked for suggestions. */
export const RANK_CAP = 300;
// ts_rank weights are listed {D, C, B, A}.
export const RANK = sql.raw(`ts_rank('{0.07, 0.2, 0.4, 1.0}', document, query, 1)`);

/**
 * The plan before decision 0123 (0102's stages, each ranked with ts_rank over at most RANK_CAP matches, then a
 * count of the any-term matches): kept for the benchmark's before-and-after in one run.
 */
export async function searchByTsRankStages(
  db: Db,
  kind: SearchKind,
  terms: QueryTerm[],
  { filter, offset, limit, everyTerm = false }: SearchOptions,
): Promise<SearchResult> {
  const table = sql.raw(kindTables(kind).documents);
  const stages = planStages(terms).filter((stage) => !everyTerm || stage.matchedTerms === terms.length);
  const need = offset + limit;
  const hits: SearchHit[] = [];
  const seen = new Set<number>();
  const where = filterClause(kind, filter);
  for (const stage of stages) {
    const rows = await sql<{ id: number; score: number }>`
      select id, score from (
        select d.id as id, ${RANK} as score
        from ${table} d, cast(${tsGroups(stage.groups, stage.titleOnly)} as tsquery) query
        where d.document @@ query${where}
        limit ${RANK_CAP}
      ) ranked order by score desc, id limit ${need + seen.size}`.execute(db);
    for (const row of rows.rows) {
      const id = Number(row.id);
      if (seen.has(id)) continue;
      seen.add(id);
      hits.push({ id, score: Number(row.score), matchedTerms: stage.matchedTerms });
    }
    if (hits.length >= need) break;
  }
  const any = stages.at(-1);
  let total = 0;
  if (any) {
    const counted = await sql<{ n: string }>`
      select count(*) as n from (
        select 1 from ${table} d where d.document @@ cast(${tsGroups(any.groups)} as tsquery)${where}
        limit ${TOTAL_CAP + 1}
      ) matches`.execute(db);
    total = Number(counted.rows[0]?.n ?? 0);
  }
  return { hits: hits.slice(offset, need), total: Math.min(total, TOTAL_CAP), totalIsCapped: total > TOTAL_CAP };
}
