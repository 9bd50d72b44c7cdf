import { sql } from 'kysely';
import { chunksOf } from '../db/chunks';
import type { Db, SearchDocument, SearchEngine, SearchFilter, SearchHit } from './engine';
import { ftsGroups, planStages, searchableTerm } from './query-plan';
import { tokeniseForIndexFields, type QueryTerm } from './tokeniser';

/**
 * SQLite FTS5 over our own tokens (the table's unicode61 tokenizer only splits on the spaces we put
 * between them). Contentless: the original text lives in the questions and answers tables.
 */
// Column weights for bm25(): title words, title bigrams, body words, body bigrams, legal basis.
const BM25 = sql.raw('bm25(search_fts, 10.0, 4.0, 2.0, 0.7, 1.0)');
const TITLE_BM25 = sql.raw('bm25(search_titles, 1.0, 0.4)');
/**
 * At most this many matches of one stage are ranked (early termination). Below it the ranking is exact;
 * above it (very common words over a large corpus) the first matches in index order are ranked instead
 * of all of them. See docs/decisions/0102-search-query-planning.md.
 */
export const RANK_CAP = 300;
/** `total` counts matches up to this many. */
export const TOTAL_CAP = 200;
/** Documents per insert statement. */
const STORE_CHUNK = 64;

export function indexColumns(doc: SearchDocument) {
  const title = tokeniseForIndexFields(doc.title);
  const body = tokeniseForIndexFields(doc.body);
  const legal = tokeniseForIndexFields(doc.legal);
  return {
    title: title.words.concat(title.groups).join(' '),
    title_bg: title.bigrams.join(' '),
    body: body.words.concat(body.groups).join(' '),
    body_bg: body.bigrams.join(' '),
    legal: legal.words.concat(legal.bigrams, legal.groups).join(' '),
  };
}

function filterClause(filter: SearchFilter | undefined) {
  if (!filter || (filter.topicId === undefined && !filter.regionCodes?.length)) return sql``;
  const topic = filter.topicId !== undefined ? sql` and topic_id = ${filter.topicId}` : sql``;
  const region = filter.regionCodes?.length ? sql` and region_code in (${sql.join(filter.regionCodes)})` : sql``;
  return sql` and rowid in (select id from questions where 1 = 1${topic}${region})`;
}

export function createSqliteSearchEngine(): SearchEngine {
  return {
    dialect: 'sqlite',

    prepare(doc) {
      const c = indexColumns(doc);
      return { id: doc.id, fields: [c.title, c.title_bg, c.body, c.body_bg, c.legal] };
    },

    async store(db, docs, options = {}) {
      // Multi-row statements in chunks of recurring sizes (prepared once, src/db/connection.ts).
      // A row binds its id and five columns.
      for (const chunk of chunksOf(docs, STORE_CHUNK, 6)) {
        if (!options.fresh) {
          const ids = chunk.map((d) => d.id);
          await sql`delete from search_fts where rowid in (${sql.join(ids)})`.execute(db);
          await sql`delete from search_titles where rowid in (${sql.join(ids)})`.execute(db);
        }
        const rows = chunk.map((d) => sql`(${d.id}, ${sql.join(d.fields)})`);
        await sql`insert into search_fts (rowid, title, title_bg, body, body_bg, legal) values ${sql.join(rows)}`.execute(db);
        const titles = chunk.map((d) => sql`(${d.id}, ${d.fields[0]}, ${d.fields[1]})`);
        await sql`insert into search_titles (rowid, title, title_bg) values ${sql.join(titles)}`.execute(db);
      }
    },

    async index(db, doc) {
      await this.store(db, [this.prepare(doc)]);
    },

    async remove(db, id) {
      await sql`delete from search_fts where rowid = ${id}`.execute(db);
      await sql`delete from search_titles where rowid = ${id}`.execute(db);
    },

    async removeAll(db) {
      await sql`delete from search_fts`.execute(db);
      await sql`delete from search_titles`.execute(db);
    },

    async search(db, terms, { filter, offset, limit }) {
      const need = offset + limit;
      const hits: SearchHit[] = [];
      const seen = new Set<number>();
      const where = filterClause(filter);
      for (const stage of planStages(terms)) {
        const match = ftsGroups(stage.groups, stage.titleOnly);
        const rows = stage.titleOnly
          ? await sql<{ id: number; score: number }>`
              select id, score from (
                select rowid as id, -${TITLE_BM25} as score from search_titles
                where search_titles match ${match}${where}
                limit ${RANK_CAP}
              ) order by score desc limit ${need + seen.size}`.execute(db)
          : await sql<{ id: number; score: number }>`
              select id, score from (
                select rowid as id, -${BM25} as score from search_fts
                where search_fts match ${match}${where}
                limit ${RANK_CAP}
              ) order by score desc limit ${need + seen.size}`.execute(db);
        for (const row of rows.rows) {
          if (seen.has(row.id)) continue;
          seen.add(row.id);
          hits.push({ id: row.id, score: row.score, matchedTerms: stage.matchedTerms });
        }
        if (hits.length >= need) break;
      }
      const any = planStages(terms).at(-1);
      let total = 0;
      if (any) {
        const counted = await sql<{ n: number }>`
          select count(*) as n from (
            select rowid from search_fts where search_fts match ${ftsGroups(any.groups)}${where} limit ${TOTAL_CAP + 1}
          )`.execute(db);
        total = Number(counted.rows[0]?.n ?? 0);
      }
      return {
        hits: hits.slice(offset, need),
        total: Math.min(total, TOTAL_CAP),
        totalIsCapped: total > TOTAL_CAP,
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
