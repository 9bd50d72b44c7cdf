import { sql } from 'kysely';
import { chunksOf } from '../db/chunks';
import { createAttributeViews, type MemorySource } from './attribute-views';
import { attributeConditions, hasFilter } from './filters';
import { kindNeedsRebuild, readKindState, setDocumentCount, writeKindState } from './kind-state';
import { kindTables, type SearchKind } from './kinds';
import { planStages, searchableTerm, TOTAL_CAP, tsGroups } from './query-plan';
import { type QueryTerm, tokeniseForIndexFields } from './tokeniser';
import type { Db, SearchDocument, SearchHit, SearchKindIndex } from './types';

/**
 * PostgreSQL: the same tokens in a tsvector (GIN-indexed), built as a literal so PostgreSQL's own
 * parser never re-splits them. Weights: A title words, B title bigrams, C words of the other fields, D their
 * bigrams; ranked with ts_rank (PostgreSQL has no BM25), length-normalised. One table per kind, holding the
 * kind's attributes as indexed columns, so a filter is a condition on the same row.
 */
const MAX_POSITION = 16_383;
/** Matches of one stage ranked with ts_rank (early termination), and title matches ranked for suggestions. */
const RANK_CAP = 300;
/** Documents per insert statement. */
const STORE_CHUNK = 64;
// ts_rank weights are listed {D, C, B, A}.
const RANK = sql.raw(`ts_rank('{0.07, 0.2, 0.4, 1.0}', document, query, 1)`);

export function tsvectorLiteral(kind: SearchKind, doc: SearchDocument): string {
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
  const title = tokeniseForIndexFields(doc.text[kind.title.name] ?? '');
  add(title.words, 'A');
  add(title.groups, 'A');
  add(title.bigrams, 'B');
  for (const field of kind.fields) {
    const tokens = tokeniseForIndexFields(doc.text[field.name] ?? '');
    add(tokens.words, 'C');
    add(tokens.groups, 'C');
    add(tokens.bigrams, 'D');
  }
  // Tokens are [a-z0-9]+ or Han only (tokeniser guarantee): nothing to escape inside the quotes.
  return [...positions].map(([token, list]) => `'${token}':${list.join(',')}`).join(' ');
}

/** The kind's table, created when missing or anew when its layout changed (then it must be rebuilt). */
async function ensurePostgresKind(db: Db, kind: SearchKind): Promise<void> {
  if ((await readKindState(db, kind.name))?.layout === kind.layout) return;
  const table = kindTables(kind).documents;
  const columns = kind.attributeNames.map(
    (name) => `${name} ${kind.attributes[name] === 'integer' ? 'integer' : 'text'}`,
  );
  await sql`drop table if exists ${sql.raw(table)}`.execute(db);
  const definition = ['id integer primary key', 'document tsvector not null', ...columns].join(', ');
  await sql`create table ${sql.raw(table)} (${sql.raw(definition)})`.execute(db);
  await sql`create index ${sql.raw(`${table}_document`)} on ${sql.raw(table)} using gin (document)`.execute(db);
  for (const name of kind.attributeNames) {
    await sql`create index ${sql.raw(`${table}_${name}`)} on ${sql.raw(table)} (${sql.raw(name)})`.execute(db);
  }
  await writeKindState(db, kind.name, { layout: kind.layout, documents: -1 });
}

export function createPostgresKindIndex(kind: SearchKind): SearchKindIndex {
  const table = sql.raw(kindTables(kind).documents);
  const attributeColumns = kind.attributeNames.map((name) => `, ${name}`).join('');
  const insertColumns = sql.raw(`id, document${attributeColumns}`);
  const updates = sql.raw(['document', ...kind.attributeNames].map((c) => `${c} = excluded.${c}`).join(', '));
  const holdingEvery = (terms: QueryTerm[]) =>
    sql`d.document @@ cast(${tsGroups([terms.map(searchableTerm)])} as tsquery)`;
  const attributeSource: MemorySource = {
    dialect: 'postgres',
    table,
    id: 'id',
    holdsEvery: holdingEvery,
    changes: sql.raw(kindTables(kind).changes),
    async matchingIds(db, terms) {
      // One array rather than a row per match.
      const { rows } = await sql<{ ids: number[] | null }>`
        select array_agg(d.id) as ids from ${table} d where ${holdingEvery(terms)}`.execute(db);
      return rows[0]?.ids ?? [];
    },
    async holdingAmong(db, terms, docs) {
      const { rows } = await sql<{ ids: number[] | null }>`
        select array_agg(d.id) as ids from ${table} d
        where d.id = any(cast(${docs} as integer[])) and ${holdingEvery(terms)}`.execute(db);
      return rows[0]?.ids ?? [];
    },
  };
  const views = createAttributeViews(kind, attributeSource);
  const filterClause = (filter: Parameters<SearchKindIndex['search']>[2]['filter']) =>
    hasFilter(filter) ? sql` and ${attributeConditions(kind, filter, 'd')}` : sql``;

  return {
    dialect: 'postgres',
    kind,

    async ensure(db) {
      await ensurePostgresKind(db, kind);
      await views.ensureLog(db);
    },

    prepare(doc) {
      return {
        id: doc.id,
        fields: [tsvectorLiteral(kind, doc)],
        attributes: kind.attributeNames.map((a) => doc.attributes[a] ?? null),
      };
    },

    async store(db, docs) {
      for (const chunk of chunksOf(docs, STORE_CHUNK, 2 + kind.attributeNames.length)) {
        const rows = chunk.map((d) => {
          const values = [sql`${d.id}`, sql`cast(${d.fields[0]} as tsvector)`, ...d.attributes.map((v) => sql`${v}`)];
          return sql`(${sql.join(values)})`;
        });
        await sql`insert into ${table} (${insertColumns}) values ${sql.join(rows)}
                  on conflict (id) do update set ${updates}`.execute(db);
      }
      await views.logChanges(
        db,
        docs.map((d) => d.id),
      );
    },

    async index(db, doc) {
      await this.store(db, [this.prepare(doc)]);
    },

    async remove(db, id) {
      await sql`delete from ${table} where id = ${id}`.execute(db);
      await views.logChanges(db, [id]);
    },

    async removeAll(db) {
      await sql`delete from ${table}`.execute(db);
      await setDocumentCount(db, kind.name, -1);
      await views.logChanges(db, 'all');
    },

    async rebuilt(db) {
      const { rows } = await sql<{ n: string }>`select count(*) as n from ${table}`.execute(db);
      await setDocumentCount(db, kind.name, Number(rows[0]?.n ?? 0));
    },

    needsRebuild: (db) => kindNeedsRebuild(db, kind.name),

    async search(db, terms, { filter, offset, limit, everyTerm = false }) {
      const stages = planStages(terms).filter((stage) => !everyTerm || stage.matchedTerms === terms.length);
      const need = offset + limit;
      const hits: SearchHit[] = [];
      const seen = new Set<number>();
      const where = filterClause(filter);
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
    },

    view: (db, terms) => views.view(db, terms),
    list: async (db, terms, options) => (await views.view(db, terms)).list(options),

    async suggest(db, terms: QueryTerm[], limit) {
      if (terms.length === 0) return [];
      const rows = await sql<{ id: number }>`
        select id from (
          select d.id as id, ${RANK} as score
          from ${table} d, cast(${tsGroups([terms.map(searchableTerm)], true)} as tsquery) query
          where d.document @@ query
          limit ${RANK_CAP}
        ) ranked order by score desc, id limit ${limit}`.execute(db);
      return rows.rows.map((r) => Number(r.id));
    },
  };
}
