import { sql } from 'kysely';
import { chunksOf } from '../db/chunks';
import type { Db, SearchDocument, SearchEngine } from './engine';
import { BAND_STRIDE, impactRows, impactsOf, parseImpactRows, serialiseImpactRows } from './impacts';
import { ftsGroups, searchableTerm } from './query-plan';
import { countDocuments, DEFAULT_PLAN, type SearchPlan, searchSqliteIndex } from './sqlite-search';
import { type QueryTerm, tokeniseForIndexFields } from './tokeniser';

/**
 * SQLite FTS5 over our own tokens (the table's unicode61 tokenizer only splits on the spaces we put
 * between them), beside impact lists (src/search/impacts.ts). Contentless: the original text lives in the
 * questions and answers tables. This file writes the index; src/search/sqlite-search.ts reads it.
 */
const TITLE_BM25 = sql.raw('bm25(search_titles, 1.0, 0.4)');
/** Title matches ranked for suggestions. */
const SUGGEST_CAP = 300;
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
  await sql`delete from search_impacts where rowid in (select value from json_each(${JSON.stringify(rowids)}))`.execute(
    db,
  );
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

async function addToCount(db: Db, added: number) {
  // A pending rebuild (-1) stays pending until removeAll.
  await sql`update search_stats set documents = documents + ${added} where id = 1 and documents >= 0`.execute(db);
}

/** `plan`: how much a search does (the benchmark compares DEFAULT_PLAN with EXHAUSTIVE_PLAN). */
export function createSqliteSearchEngine(plan: SearchPlan = DEFAULT_PLAN): SearchEngine {
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
          await deleteImpactRows(
            db,
            chunk.map((d) => d.id),
          );
        }
        const rows = chunk.map((d) => sql`(${d.id}, ${sql.join(d.fields.slice(0, 5))})`);
        await sql`insert into search_fts (rowid, title, title_bg, body, body_bg, legal) values ${sql.join(rows)}`.execute(
          db,
        );
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
        await sql`insert into search_impacts (rowid, tokens) select value ->> 0, value ->> 1 from json_each(${rows})`.execute(
          db,
        );
      }
      for (const chunk of chunksOf(bands, IMPACT_CHUNK, 1)) {
        const rows = JSON.stringify(chunk.map((row) => [row.doc, row.bands]));
        await sql`insert into search_impact_bands (doc, bands) select value ->> 0, value ->> 1 from json_each(${rows})`.execute(
          db,
        );
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

    search: (db, terms, options) => searchSqliteIndex(db, terms, options, plan),

    async suggest(db, terms: QueryTerm[], limit) {
      if (terms.length === 0) return [];
      const rows = await sql<{ id: number }>`
        select id from (
          select rowid as id, ${TITLE_BM25} as score from search_titles
          where search_titles match ${ftsGroups([terms.map(searchableTerm)], true)}
          limit ${SUGGEST_CAP}
        ) order by score limit ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
  };
}
