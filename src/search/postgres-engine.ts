import { sql } from 'kysely';
import { chunksOf } from '../db/chunks';
import type { SearchDocument, SearchEngine, SearchFilter, SearchHit } from './engine';
import { planStages, searchableTerm, TOTAL_CAP, tsGroups } from './query-plan';
import { type QueryTerm, tokeniseForIndexFields } from './tokeniser';

/**
 * PostgreSQL: the same tokens in a tsvector (GIN-indexed), built as a literal so PostgreSQL's own
 * parser never re-splits them. Weights: A title words, B title bigrams, C body and legal words,
 * D body and legal bigrams; ranked with ts_rank (PostgreSQL has no BM25), length-normalised.
 */
const MAX_POSITION = 16_383;
/** Matches of one stage ranked with ts_rank (early termination), and title matches ranked for suggestions. */
const RANK_CAP = 300;
/** Documents per insert statement. */
const STORE_CHUNK = 64;
// ts_rank weights are listed {D, C, B, A}.
const RANK = sql.raw(`ts_rank('{0.07, 0.2, 0.4, 1.0}', document, query, 1)`);

export function tsvectorLiteral(doc: SearchDocument): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (tokens: string[], weight: 'A' | 'B' | 'C' | 'D') => {
    for (const token of tokens) {
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(token) ?? [];
      if (list.length < 256) list.push(`${position}${weight}`);
      positions.set(token, list);
    }
    // A gap between fields keeps phrases from matching across them.
    position = Math.min(position + 10, MAX_POSITION);
  };
  const title = tokeniseForIndexFields(doc.title);
  const body = tokeniseForIndexFields(doc.body);
  const legal = tokeniseForIndexFields(doc.legal);
  add(title.words, 'A');
  add(title.groups, 'A');
  add(title.bigrams, 'B');
  add(body.words, 'C');
  add(body.groups, 'C');
  add(body.bigrams, 'D');
  add(legal.words, 'C');
  add(legal.groups, 'C');
  add(legal.bigrams, 'D');
  // Tokens are [a-z0-9]+ or Han only (tokeniser guarantee): nothing to escape inside the quotes.
  return [...positions].map(([token, list]) => `'${token}':${list.join(',')}`).join(' ');
}

function filterClause(filter: SearchFilter | undefined) {
  if (!filter || (filter.topicId === undefined && !filter.regionCodes?.length)) return sql``;
  const topic = filter.topicId !== undefined ? sql` and q.topic_id = ${filter.topicId}` : sql``;
  const region = filter.regionCodes?.length ? sql` and q.region_code in (${sql.join(filter.regionCodes)})` : sql``;
  return sql` and exists (select 1 from questions q where q.id = d.question_id${topic}${region})`;
}

export function createPostgresSearchEngine(): SearchEngine {
  return {
    dialect: 'postgres',

    prepare(doc) {
      return { id: doc.id, fields: [tsvectorLiteral(doc)] };
    },

    async store(db, docs) {
      for (const chunk of chunksOf(docs, STORE_CHUNK, 2)) {
        const rows = chunk.map((d) => sql`(${d.id}, cast(${d.fields[0]} as tsvector))`);
        await sql`insert into search_documents (question_id, document) values ${sql.join(rows)}
                  on conflict (question_id) do update set document = excluded.document`.execute(db);
      }
    },

    async index(db, doc) {
      await this.store(db, [this.prepare(doc)]);
    },

    async remove(db, id) {
      await sql`delete from search_documents where question_id = ${id}`.execute(db);
    },

    async removeAll(db) {
      await sql`delete from search_documents`.execute(db);
    },

    async rebuilt() {},

    async needsRebuild() {
      return false;
    },

    async search(db, terms, { filter, offset, limit }) {
      const need = offset + limit;
      const hits: SearchHit[] = [];
      const seen = new Set<number>();
      const where = filterClause(filter);
      for (const stage of planStages(terms)) {
        const rows = await sql<{ id: number; score: number }>`
          select id, score from (
            select d.question_id as id, ${RANK} as score
            from search_documents d, cast(${tsGroups(stage.groups, stage.titleOnly)} as tsquery) query
            where d.document @@ query${where}
            limit ${RANK_CAP}
          ) ranked order by score desc, id limit ${need + seen.size}`.execute(db);
        for (const row of rows.rows) {
          if (seen.has(row.id)) continue;
          seen.add(row.id);
          hits.push({ id: row.id, score: Number(row.score), matchedTerms: stage.matchedTerms });
        }
        if (hits.length >= need) break;
      }
      const any = planStages(terms).at(-1);
      let total = 0;
      if (any) {
        const counted = await sql<{ n: string }>`
          select count(*) as n from (
            select 1 from search_documents d where d.document @@ cast(${tsGroups(any.groups)} as tsquery)${where}
            limit ${TOTAL_CAP + 1}
          ) matches`.execute(db);
        total = Number(counted.rows[0]?.n ?? 0);
      }
      return { hits: hits.slice(offset, need), total: Math.min(total, TOTAL_CAP), totalIsCapped: total > TOTAL_CAP };
    },

    async suggest(db, terms: QueryTerm[], limit) {
      if (terms.length === 0) return [];
      const rows = await sql<{ id: number }>`
        select id from (
          select d.question_id as id, ${RANK} as score
          from search_documents d, cast(${tsGroups([terms.map(searchableTerm)], true)} as tsquery) query
          where d.document @@ query
          limit ${RANK_CAP}
        ) ranked order by score desc, id limit ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
  };
}
