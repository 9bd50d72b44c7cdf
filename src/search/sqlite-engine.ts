import { sql } from 'kysely';
import { chunksOf } from '../db/chunks';
import { Candidates } from './candidates';
import type { Db, SearchDocument, SearchEngine, SearchFilter } from './engine';
import { BAND_STRIDE, IMPACT_LIST_READ, IMPACT_SCALE, bandImpact, idf, impactRows, impactsOf, parseImpactRows, serialiseImpactRows } from './impacts';
import { ftsGroups, planStages, searchableTerm } from './query-plan';
import { tokeniseForIndexFields, type QueryTerm } from './tokeniser';

/**
 * SQLite FTS5 over our own tokens (the table's unicode61 tokenizer only splits on the spaces we put
 * between them), beside impact lists (src/search/impacts.ts). Contentless: the original text lives in the
 * questions and answers tables.
 *
 * A search reads each query token's best documents from the impact lists (bounded work), then, while the
 * page is not full, asks the full-text index for documents holding all terms, all but one, any term
 * (every word, bigram and exact phrase), newest first and at most RANK_CAP a stage, and ranks the union in
 * JavaScript (src/search/candidates.ts). FTS5's bm25() is not used for search: it counts each phrase's
 * documents over the whole index on every query, a cost that grows with the corpus
 * (docs/decisions/0108-search-impact-lists.md).
 */
const TITLE_BM25 = sql.raw('bm25(search_titles, 1.0, 0.4)');
/** Full-text matches of one stage taken into the ranking (early termination). */
export const RANK_CAP = 300;
/** A full-text stage is skipped when the lists already found this many documents holding its terms. */
const ENOUGH_FOR_A_STAGE = 10;
/** `total` counts matches up to this many. */
export const TOTAL_CAP = 200;
/** Documents per insert statement. */
const STORE_CHUNK = 64;
/** Impact rows per insert statement. */
const IMPACT_CHUNK = 1024;
/**
 * What one document adds to the impact lists: its rows (rowid = band × 2^32 + id, the band's tokens) and
 * its bands (for search_impact_bands). `impacts` is the prepared document's impact field.
 */
export function impactListRows(id: number, impacts: string) {
  const rows = parseImpactRows(impacts);
  return {
    rows: rows.map((row) => ({ rowid: row.band * BAND_STRIDE + id, tokens: row.tokens.join(' ') })),
    bands: rows.length > 0 ? rows.map((row) => row.band).join(' ') : null,
  };
}

/** Deletes the impact-list rows of these documents: the rowids of the bands each has rows in. */
async function deleteImpactRows(db: Db, ids: number[]) {
  // Lists as one JSON parameter: one statement shape whatever their length (src/db/connection.ts caches them).
  const docs = JSON.stringify(ids);
  const found = await sql<{ doc: number; bands: string }>`
    select doc, bands from search_impact_bands where doc in (select value from json_each(${docs}))`.execute(db);
  const rowids = found.rows.flatMap((r) => r.bands.split(' ').map((band) => Number(band) * BAND_STRIDE + r.doc));
  if (rowids.length === 0) return;
  await sql`delete from search_impacts where rowid in (select value from json_each(${JSON.stringify(rowids)}))`.execute(db);
  await sql`delete from search_impact_bands where doc in (select value from json_each(${docs}))`.execute(db);
}

export function indexColumns(doc: SearchDocument) {
  const title = tokeniseForIndexFields(doc.title);
  const body = tokeniseForIndexFields(doc.body);
  const legal = tokeniseForIndexFields(doc.legal);
  const titleWords = title.words.concat(title.groups);
  const bodyWords = body.words.concat(body.groups);
  const legalWords = legal.words.concat(legal.groups);
  return {
    title: titleWords.join(' '),
    title_bg: title.bigrams.join(' '),
    body: bodyWords.join(' '),
    body_bg: body.bigrams.join(' '),
    legal: legal.words.concat(legal.bigrams, legal.groups).join(' '),
    impacts: serialiseImpactRows(impactRows(impactsOf([titleWords, bodyWords, legalWords]))),
  };
}

const hasFilter = (filter: SearchFilter | undefined): filter is SearchFilter =>
  !!filter && (filter.topicId !== undefined || !!filter.regionCodes?.length);

/** Conditions on the questions table for a topic / region filter. */
function questionConditions(filter: SearchFilter) {
  const topic = filter.topicId !== undefined ? sql` and topic_id = ${filter.topicId}` : sql``;
  const region = filter.regionCodes?.length ? sql` and region_code in (${sql.join(filter.regionCodes)})` : sql``;
  return sql`${topic}${region}`;
}

function filterClause(filter: SearchFilter | undefined) {
  if (!hasFilter(filter)) return sql``;
  return sql` and rowid in (select id from questions where 1 = 1${questionConditions(filter)})`;
}

/** Documents in the index; -1 when documents indexed before the impact lists existed need a rebuild. */
async function countDocuments(db: Db): Promise<number> {
  const row = (await sql<{ documents: number }>`select documents from search_stats where id = 1`.execute(db)).rows[0];
  return Number(row?.documents ?? 0);
}

async function addToCount(db: Db, added: number) {
  // A pending rebuild (-1) stays pending until removeAll.
  await sql`update search_stats set documents = documents + ${added} where id = 1 and documents >= 0`.execute(db);
}

/** Ids among `docs` that pass the filter. */
async function passingFilter(db: Db, docs: number[], filter: SearchFilter): Promise<Set<number>> {
  const pass = new Set<number>();
  for (const chunk of chunksOf(docs.map((id) => ({ id })))) {
    const rows = await sql<{ id: number }>`
      select id from questions where id in (${sql.join(chunk.map((c) => c.id))})${questionConditions(filter)}`.execute(db);
    for (const row of rows.rows) pass.add(row.id);
  }
  return pass;
}

export function createSqliteSearchEngine(): SearchEngine {
  return {
    dialect: 'sqlite',

    prepare(doc) {
      const c = indexColumns(doc);
      return { id: doc.id, fields: [c.title, c.title_bg, c.body, c.body_bg, c.legal, c.impacts] };
    },

    async store(db, docs, options = {}) {
      if (docs.length === 0) return;
      // Impact-list rowids are band × 2^32 + id (impacts.ts): a larger id would land in the next band.
      const tooLarge = docs.find((d) => d.id >= BAND_STRIDE || d.id < 1);
      if (tooLarge) throw new Error(`Search document id ${tooLarge.id} is outside 1..2^32-1`);
      let replaced = 0;
      // Multi-row statements in chunks of recurring sizes (prepared once, src/db/connection.ts).
      // A row binds its id and five columns.
      for (const chunk of chunksOf(docs, STORE_CHUNK, 6)) {
        if (!options.fresh) {
          const ids = sql.join(chunk.map((d) => d.id));
          await sql`delete from search_fts where rowid in (${ids})`.execute(db);
          const deleted = await sql`delete from search_titles where rowid in (${ids})`.execute(db);
          replaced += Number(deleted.numAffectedRows ?? 0);
          await deleteImpactRows(db, chunk.map((d) => d.id));
        }
        const rows = chunk.map((d) => sql`(${d.id}, ${sql.join(d.fields.slice(0, 5))})`);
        await sql`insert into search_fts (rowid, title, title_bg, body, body_bg, legal) values ${sql.join(rows)}`.execute(db);
        const titles = chunk.map((d) => sql`(${d.id}, ${d.fields[0]}, ${d.fields[1]})`);
        await sql`insert into search_titles (rowid, title, title_bg) values ${sql.join(titles)}`.execute(db);
      }
      const bands: { doc: number; bands: string }[] = [];
      const impacts = docs.flatMap((d) => {
        const list = impactListRows(d.id, d.fields[5]);
        if (list.bands !== null) bands.push({ doc: d.id, bands: list.bands });
        return list.rows;
      });
      // One JSON parameter per statement: hundreds of thousands of small rows in an import, where building a
      // VALUES list row by row cost more than SQLite's own work (measured: 5.5 s of a 100 k import).
      for (const chunk of chunksOf(impacts, IMPACT_CHUNK, 1)) {
        const rows = JSON.stringify(chunk.map((row) => [row.rowid, row.tokens]));
        await sql`insert into search_impacts (rowid, tokens) select value ->> 0, value ->> 1 from json_each(${rows})`.execute(db);
      }
      for (const chunk of chunksOf(bands, IMPACT_CHUNK, 1)) {
        const rows = JSON.stringify(chunk.map((row) => [row.doc, row.bands]));
        await sql`insert into search_impact_bands (doc, bands) select value ->> 0, value ->> 1 from json_each(${rows})`.execute(db);
      }
      await addToCount(db, docs.length - replaced);
    },

    async index(db, doc) {
      await this.store(db, [this.prepare(doc)]);
    },

    async remove(db, id) {
      await sql`delete from search_fts where rowid = ${id}`.execute(db);
      const deleted = await sql`delete from search_titles where rowid = ${id}`.execute(db);
      await deleteImpactRows(db, [id]);
      await addToCount(db, -Number(deleted.numAffectedRows ?? 0));
    },

    async removeAll(db) {
      // FTS5's own command for emptying a contentless table (a row-by-row delete reads every rowid first).
      for (const table of ['search_fts', 'search_titles', 'search_impacts']) {
        await sql`insert into ${sql.table(table)} (${sql.ref(table)}) values ('delete-all')`.execute(db);
      }
      await sql`delete from search_impact_bands`.execute(db);
      // Incomplete until rebuilt(): a rebuild cut short (the process killed) is redone on the next start.
      await sql`update search_stats set documents = -1 where id = 1`.execute(db);
    },

    async rebuilt(db) {
      await sql`update search_stats set documents = (select count(*) from search_titles) where id = 1`.execute(db);
    },

    async needsRebuild(db) {
      return (await countDocuments(db)) < 0;
    },

    async search(db, queryTerms, { filter, offset, limit }) {
      const need = offset + limit;
      const documents = Math.max(0, await countDocuments(db));
      const terms = queryTerms.map(searchableTerm);

      // 1. Impact lists: each single-token alternative's best documents, over the whole corpus.
      const keys = terms.map((term) =>
        term.alternatives
          .filter((alt, i) => alt.tokens.length === 1 && !alt.bigram && !(term.prefix && i === 0))
          .map((alt) => ({ token: alt.tokens[0], weight: alt.weight })),
      );
      const lists = new Map<string, { doc: number; impact: number }[]>();
      for (const { token } of keys.flat()) {
        if (lists.has(token)) continue;
        // Tokens are [a-z0-9]+ or Han only (tokeniser guarantee): safe inside FTS5 double quotes.
        const rows = await sql<{ rowid: number }>`
          select rowid from search_impacts where search_impacts match ${`"${token}"`}
          order by rowid desc limit ${IMPACT_LIST_READ}`.execute(db);
        lists.set(token, rows.rows.map(({ rowid }) => {
          const band = Math.floor(rowid / BAND_STRIDE);
          return { doc: rowid - band * BAND_STRIDE, impact: bandImpact(band) };
        }));
      }
      const idfOf = (token: string) => idf(documents, lists.get(token)?.length ?? 0);
      // A term matched only by the full-text index counts as common (a listed count of a full read).
      const commonIdf = idf(documents, Math.min(documents, IMPACT_LIST_READ));
      const candidates = new Candidates(keys.map((k) => Math.max(commonIdf, ...k.map((key) => idfOf(key.token)))));
      keys.forEach((termKeys, term) => {
        for (const key of termKeys) {
          const factor = (key.weight * idfOf(key.token)) / IMPACT_SCALE;
          for (const row of lists.get(key.token) ?? []) candidates.addListed(row.doc, term, factor * row.impact);
        }
      });
      if (hasFilter(filter)) {
        const pass = await passingFilter(db, candidates.docs(), filter);
        candidates.retain((doc) => pass.has(doc));
      }

      // 2. The full-text index: words the lists left out, bigrams, phrases; newest first, RANK_CAP a stage.
      // (No rowid bound: FTS5 pays for one even when it cuts the scan short — 88 ms against 4 ms measured.)
      const where = filterClause(filter);
      const stages = planStages(queryTerms).filter((stage) => !stage.titleOnly);
      const any = stages.at(-1);
      let anyRan = false;
      for (const stage of stages) {
        // Independent of the page asked for, so every page ranks the same candidates (no document shown on
        // two pages or on none).
        if (candidates.countMatching(stage.matchedTerms) >= ENOUGH_FOR_A_STAGE) break;
        const rows = await sql<{ id: number }>`
          select rowid as id from search_fts where search_fts match ${ftsGroups(stage.groups)}${where}
          order by rowid desc limit ${RANK_CAP}`.execute(db);
        for (const row of rows.rows) candidates.addMatched(row.id, stage.matchedTerms);
        anyRan = stage === any;
      }

      // total: documents found either way, and those the full-text index finds for any term, up to the cap
      // (already among the candidates when the any-term stage ran: its RANK_CAP rows exceed the cap).
      const found = new Set(candidates.docs());
      if (any && !anyRan && found.size <= TOTAL_CAP) {
        const rows = await sql<{ id: number }>`
          select rowid as id from search_fts where search_fts match ${ftsGroups(any.groups)}${where}
          order by rowid desc limit ${TOTAL_CAP + 1}`.execute(db);
        for (const row of rows.rows) found.add(row.id);
      }
      return {
        hits: candidates.ranked(need).slice(offset),
        total: Math.min(found.size, TOTAL_CAP),
        totalIsCapped: found.size > TOTAL_CAP,
      };
    },

    async suggest(db, terms: QueryTerm[], limit) {
      if (terms.length === 0) return [];
      const rows = await sql<{ id: number }>`
        select id from (
          select rowid as id, ${TITLE_BM25} as score from search_titles
          where search_titles match ${ftsGroups([terms.map(searchableTerm)], true)}
          limit ${RANK_CAP}
        ) order by score limit ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
  };
}
