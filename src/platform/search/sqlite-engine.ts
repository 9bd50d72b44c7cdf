import { sql } from 'kysely';
import { chunksOf } from '../db/chunks';
import { createAttributeViews, type MemorySource } from './attribute-views';
import { BAND_STRIDE, impactRows, impactsOf, parseImpactRows, serialiseImpactRows } from './impacts';
import { addToDocumentCount, kindNeedsRebuild, setDocumentCount } from './kind-state';
import { kindTables, type SearchKind } from './kinds';
import { ftsGroups, searchableTerm } from './query-plan';
import { ensureSqliteKind } from './sqlite-schema';
import { DEFAULT_PLAN, type SearchPlan, searchSqliteIndex } from './sqlite-search';
import { type QueryTerm, tokeniseForIndexFields } from './tokeniser';
import type { Db, SearchDocument, SearchKindIndex } from './types';

/**
 * SQLite FTS5 over our own tokens (the table's unicode61 tokenizer only splits on the spaces we put between
 * them), beside impact lists (impacts.ts) and an attributes table for filters, one set of tables per
 * kind (sqlite-schema.ts). Contentless: the original text lives in the owner's tables. This file writes the
 * index; sqlite-search.ts reads it.
 */
/** Title matches ranked for suggestions. */
const SUGGEST_CAP = 300;
/** Documents per insert statement. */
const STORE_CHUNK = 64;
/** Impact rows per insert statement. */
const IMPACT_CHUNK = 1024;

/**
 * What one document adds to the impact lists: its rows (rowid = band × 2^32 + id, the band's tokens) and
 * its bands (for the impact_bands table). `impacts` is the prepared document's impact field (its last).
 */
export function impactListRows(id: number, impacts: string) {
  const rows = parseImpactRows(impacts);
  return {
    rows: rows.map((row) => ({ rowid: row.band * BAND_STRIDE + id, tokens: row.tokens.join(' ') })),
    bands: rows.length > 0 ? rows.map((row) => row.band).join(' ') : null,
  };
}

/**
 * A document's FTS5 columns in the kind's order (title, title_bg, then each field's word and bigram columns),
 * and its serialised impact rows last.
 */
export function indexColumns(kind: SearchKind, doc: SearchDocument): string[] {
  const columns: string[] = [];
  const impactFields: string[][] = [];
  const fields = [{ ...kind.title, bigrams: 'own-column' as const }, ...kind.fields];
  for (const field of fields) {
    const tokens = tokeniseForIndexFields(doc.text[field.name] ?? '');
    const words = tokens.words.concat(tokens.groups);
    impactFields.push(words);
    if (field.bigrams === 'own-column') columns.push(words.join(' '), tokens.bigrams.join(' '));
    else columns.push(tokens.words.concat(tokens.bigrams, tokens.groups).join(' '));
  }
  columns.push(serialiseImpactRows(impactRows(impactsOf(impactFields, kind.impactFields))));
  return columns;
}

/** `plan`: how much a search does (the benchmark compares DEFAULT_PLAN with EXHAUSTIVE_PLAN). */
export function createSqliteKindIndex(kind: SearchKind, plan: SearchPlan = DEFAULT_PLAN): SearchKindIndex {
  const t = kindTables(kind);
  const fts = sql.raw(t.fts);
  const titles = sql.raw(t.titles);
  const impacts = sql.raw(t.impacts);
  const bands = sql.raw(t.impactBands);
  const attributes = sql.raw(t.attributes);
  const ftsColumns = sql.raw(kind.ftsColumns.join(', '));
  const titleColumns = sql.raw(`${kind.title.name}, ${kind.title.name}_bg`);
  const attributeColumns = sql.raw(['doc', ...kind.attributeNames].join(', '));
  const columnCount = kind.ftsColumns.length;
  const titleBm25 = sql.raw(`bm25(${t.titles}, 1.0, 0.4)`);
  const holdingEvery = (terms: QueryTerm[]) => ftsGroups([terms.map(searchableTerm)], kind.columnSets);
  const attributeSource: MemorySource = {
    dialect: 'sqlite',
    table: attributes,
    id: 'doc',
    holdsEvery: (terms) => sql`d.doc in (select rowid from ${fts} where ${fts} match ${holdingEvery(terms)})`,
    changes: sql.raw(t.changes),
    async matchingIds(db, terms) {
      // One JSON array rather than a row object per match (tens of thousands for a common word at 1 M).
      const { rows } = await sql<{ ids: string }>`
        select json_group_array(rowid) as ids from ${fts} where ${fts} match ${holdingEvery(terms)}`.execute(db);
      return JSON.parse(rows[0]?.ids ?? '[]') as number[];
    },
    async holdingAmong(db, terms, docs) {
      // The ids as a JSON array: INTEGERs FTS5 looks up one by one (see `holding` in sqlite-search.ts).
      const { rows } = await sql<{ ids: string }>`
        select json_group_array(rowid) as ids from ${fts} where ${fts} match ${holdingEvery(terms)}
        and rowid in (select value from json_each(${JSON.stringify(docs)}))`.execute(db);
      return JSON.parse(rows[0]?.ids ?? '[]') as number[];
    },
  };
  const views = createAttributeViews(kind, attributeSource);

  /** Deletes the impact-list rows of these documents: the rowids of the bands each has rows in. */
  async function deleteImpactRows(db: Db, ids: number[]) {
    // Lists as one JSON parameter: one statement shape whatever their length (platform/db/connection.ts caches
    // prepared statements by their text).
    const docs = JSON.stringify(ids);
    const found = await sql<{ doc: number; bands: string }>`
      select doc, bands from ${bands} where doc in (select value from json_each(${docs}))`.execute(db);
    const rowids = found.rows.flatMap((r) => r.bands.split(' ').map((band) => Number(band) * BAND_STRIDE + r.doc));
    if (rowids.length === 0) return;
    await sql`delete from ${impacts} where rowid in (select value from json_each(${JSON.stringify(rowids)}))`.execute(
      db,
    );
    await sql`delete from ${bands} where doc in (select value from json_each(${docs}))`.execute(db);
  }

  return {
    dialect: 'sqlite',
    kind,

    async ensure(db) {
      await ensureSqliteKind(db, kind);
      await views.ensureLog(db);
    },

    prepare(doc) {
      return {
        id: doc.id,
        fields: indexColumns(kind, doc),
        attributes: kind.attributeNames.map((a) => doc.attributes[a] ?? null),
      };
    },

    async store(db, docs, options = {}) {
      if (docs.length === 0) return;
      // Impact-list rowids are band × 2^32 + id (impacts.ts): a larger id would land in the next band.
      const tooLarge = docs.find((d) => d.id >= BAND_STRIDE || d.id < 1);
      if (tooLarge) throw new Error(`Search document id ${tooLarge.id} is outside 1..2^32-1`);
      let replaced = 0;
      // Multi-row statements in chunks of recurring sizes (prepared once, src/platform/db/connection.ts).
      // A row binds its id and its columns.
      for (const chunk of chunksOf(docs, STORE_CHUNK, columnCount + kind.attributeNames.length + 1)) {
        if (!options.fresh) {
          const ids = sql.join(chunk.map((d) => d.id));
          await sql`delete from ${fts} where rowid in (${ids})`.execute(db);
          const deleted = await sql`delete from ${titles} where rowid in (${ids})`.execute(db);
          replaced += Number(deleted.numAffectedRows ?? 0);
          await deleteImpactRows(
            db,
            chunk.map((d) => d.id),
          );
        }
        const rows = chunk.map((d) => sql`(${d.id}, ${sql.join(d.fields.slice(0, columnCount))})`);
        await sql`insert into ${fts} (rowid, ${ftsColumns}) values ${sql.join(rows)}`.execute(db);
        const titleRows = chunk.map((d) => sql`(${d.id}, ${d.fields[0]}, ${d.fields[1]})`);
        await sql`insert into ${titles} (rowid, ${titleColumns}) values ${sql.join(titleRows)}`.execute(db);
        if (kind.attributeNames.length > 0) {
          const attributeRows = chunk.map((d) => sql`(${d.id}, ${sql.join(d.attributes)})`);
          const values = sql.join(attributeRows);
          await sql`insert or replace into ${attributes} (${attributeColumns}) values ${values}`.execute(db);
        }
      }
      const bandRows: { doc: number; bands: string }[] = [];
      const impactRowsOfDocs = docs.flatMap((d) => {
        const list = impactListRows(d.id, d.fields[columnCount] ?? '');
        if (list.bands !== null) bandRows.push({ doc: d.id, bands: list.bands });
        return list.rows;
      });
      // One JSON parameter per statement: hundreds of thousands of small rows in an import, where building a
      // VALUES list row by row cost more than SQLite's own work (measured: 5.5 s of a 100 k import).
      for (const chunk of chunksOf(impactRowsOfDocs, IMPACT_CHUNK, 1)) {
        const rows = JSON.stringify(chunk.map((row) => [row.rowid, row.tokens]));
        const values = sql`select value ->> 0, value ->> 1 from json_each(${rows})`;
        await sql`insert into ${impacts} (rowid, tokens) ${values}`.execute(db);
      }
      for (const chunk of chunksOf(bandRows, IMPACT_CHUNK, 1)) {
        const rows = JSON.stringify(chunk.map((row) => [row.doc, row.bands]));
        await sql`insert into ${bands} (doc, bands) select value ->> 0, value ->> 1 from json_each(${rows})`.execute(
          db,
        );
      }
      await addToDocumentCount(db, kind.name, docs.length - replaced);
      await views.logChanges(
        db,
        docs.map((d) => d.id),
      );
    },

    async index(db, doc) {
      await this.store(db, [this.prepare(doc)]);
    },

    async remove(db, id) {
      await sql`delete from ${fts} where rowid = ${id}`.execute(db);
      const deleted = await sql`delete from ${titles} where rowid = ${id}`.execute(db);
      await deleteImpactRows(db, [id]);
      await sql`delete from ${attributes} where doc = ${id}`.execute(db);
      await addToDocumentCount(db, kind.name, -Number(deleted.numAffectedRows ?? 0));
      await views.logChanges(db, [id]);
    },

    async removeAll(db) {
      // FTS5's own command for emptying a contentless table (a row-by-row delete reads every rowid first).
      for (const table of [t.fts, t.titles, t.impacts]) {
        await sql`insert into ${sql.raw(table)} (${sql.raw(table)}) values ('delete-all')`.execute(db);
      }
      await sql`delete from ${bands}`.execute(db);
      await sql`delete from ${attributes}`.execute(db);
      // Incomplete until rebuilt(): a rebuild cut short (the process killed) is redone on the next start.
      await setDocumentCount(db, kind.name, -1);
      await views.logChanges(db, 'all');
    },

    async rebuilt(db) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${titles}`.execute(db);
      await setDocumentCount(db, kind.name, Number(rows[0]?.n ?? 0));
    },

    needsRebuild: (db) => kindNeedsRebuild(db, kind.name),

    async search(db, terms, options) {
      const fromMemory = await views.forSearch(db, terms, options.filter, options.everyTerm ?? false);
      return searchSqliteIndex(db, kind, terms, { ...options, ...fromMemory }, plan);
    },

    view: (db, terms) => views.view(db, terms),
    list: async (db, terms, options) => (await views.view(db, terms)).list(options),

    async suggest(db, terms: QueryTerm[], limit) {
      if (terms.length === 0) return [];
      const rows = await sql<{ id: number }>`
        select id from (
          select rowid as id, ${titleBm25} as score from ${titles}
          where ${titles} match ${ftsGroups([terms.map(searchableTerm)], kind.columnSets, true)}
          limit ${SUGGEST_CAP}
        ) order by score limit ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
  };
}
