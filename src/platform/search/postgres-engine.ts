import { sql } from 'kysely';
import { chunksOf } from '../db/chunks';
import { createAttributeViews, type MemorySource } from './attribute-views';
import { bandOf, impactsOf } from './impacts';
import { addToDocumentCount, kindNeedsRebuild, readKindState, setDocumentCount, writeKindState } from './kind-state';
import { kindTables, type SearchKind } from './kinds';
import { ERA_FUNCTION_SQL } from './postgres-eras';
import { RANK, RANK_CAP, searchByTsRankStages, searchPostgresIndex } from './postgres-search';
import { searchableTerm, tsGroups } from './query-plan';
import { DEFAULT_PLAN, type SearchPlan } from './sqlite-search';
import { type IndexFields, type QueryTerm, tokeniseForIndexFields } from './tokeniser';
import type { Db, SearchDocument, SearchKindIndex } from './types';

/**
 * PostgreSQL: the same tokens in a tsvector (GIN-indexed), built as a literal so PostgreSQL's own
 * parser never re-splits them. Weights: A title words, B title bigrams, C words of the other fields, D their
 * bigrams. One table per kind, holding the kind's attributes as indexed columns, so a filter is a condition on
 * the same row. Beside it the kind's impact lists (impacts.ts), rows of (token, band, doc) in a b-tree, which a
 * search reads first, as on SQLite (postgres-search.ts, decision 0123); ts_rank ranks suggestions only.
 */
const MAX_POSITION = 16_383;
/** Documents per insert statement. */
const STORE_CHUNK = 64;

/** A document's title and fields tokenised, the title first (each field once, for its tsvector and impacts). */
function tokenisedFields(kind: SearchKind, doc: SearchDocument): IndexFields[] {
  return [kind.title, ...kind.fields].map((field) => tokeniseForIndexFields(doc.text[field.name] ?? ''));
}

/**
 * A document's impact-list entries as one string ("token band token band …": prepared documents hold strings).
 * Banded as on SQLite (impacts.ts), so both engines read the same best entries and rank them alike.
 */
function impactText(kind: SearchKind, fields: IndexFields[]): string {
  const impacts = impactsOf(
    fields.map((f) => f.words.concat(f.groups)),
    kind.impactFields,
  );
  return impacts.map((i) => `${i.token} ${bandOf(i.impact)}`).join(' ');
}

function literalOf([title, ...others]: IndexFields[]): string {
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
  add(title!.words, 'A');
  add(title!.groups, 'A');
  add(title!.bigrams, 'B');
  for (const tokens of others) {
    add(tokens.words, 'C');
    add(tokens.groups, 'C');
    add(tokens.bigrams, 'D');
  }
  // Tokens are [a-z0-9]+ or Han only (tokeniser guarantee): nothing to escape inside the quotes.
  return [...positions].map(([token, list]) => `'${token}':${list.join(',')}`).join(' ');
}

/**
 * The GIN index over each document's tsvector and its id's era lexemes (postgres-eras.ts, decision 0124). A table
 * indexed before it has a GIN index over the tsvector alone: that one is replaced, the rows stay as they are.
 */
async function ensureEraIndex(db: Db, table: string): Promise<void> {
  const index = `${table}_document_eras`;
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${index}) as found`.execute(db);
  if (rows[0]?.found) return;
  await sql.raw(ERA_FUNCTION_SQL).execute(db);
  await sql`create index ${sql.raw(index)} on ${sql.raw(table)} using gin (document, search_eras(id))`.execute(db);
  await sql`drop index if exists ${sql.raw(`${table}_document`)}`.execute(db);
}

/** The kind's table, created when missing or anew when its layout changed (then it must be rebuilt). */
async function ensurePostgresKind(db: Db, kind: SearchKind): Promise<void> {
  const table = kindTables(kind).documents;
  const impacts = kindTables(kind).impacts;
  if ((await readKindState(db, kind.name))?.layout === kind.layout) {
    // A database indexed before the impact lists (decision 0123) has the layout but not the lists: made anew and
    // rebuilt on start, as for a changed layout.
    const { rows } = await sql<{ found: string | null }>`select to_regclass(${impacts}) as found`.execute(db);
    if (rows[0]?.found) return ensureEraIndex(db, table);
  }
  const columns = kind.attributeNames.map(
    (name) => `${name} ${kind.attributes[name] === 'integer' ? 'integer' : 'text'}`,
  );
  await sql`drop table if exists ${sql.raw(table)}`.execute(db);
  await sql`drop table if exists ${sql.raw(impacts)}`.execute(db);
  // A token's list read best first is one range of this b-tree's leaves (an index-only scan once vacuumed).
  await sql`create table ${sql.raw(impacts)} (token text not null, band smallint not null, doc integer not null)`.execute(
    db,
  );
  await sql`create index ${sql.raw(`${impacts}_best`)} on ${sql.raw(impacts)} (token, band desc, doc desc)`.execute(db);
  await sql`create index ${sql.raw(`${impacts}_doc`)} on ${sql.raw(impacts)} (doc)`.execute(db);
  const definition = ['id integer primary key', 'document tsvector not null', ...columns].join(', ');
  await sql`create table ${sql.raw(table)} (${sql.raw(definition)})`.execute(db);
  await ensureEraIndex(db, table);
  for (const name of kind.attributeNames) {
    await sql`create index ${sql.raw(`${table}_${name}`)} on ${sql.raw(table)} (${sql.raw(name)})`.execute(db);
  }
  await writeKindState(db, kind.name, { layout: kind.layout, documents: -1 });
}

/**
 * `plan`: how much a search does, as on SQLite (sqlite-search.ts: DEFAULT_PLAN, EXHAUSTIVE_PLAN for the
 * benchmark's agreement); 'ts-rank-stages' is the plan before decision 0123, for the benchmark's comparison.
 */
export function createPostgresKindIndex(
  kind: SearchKind,
  plan: SearchPlan | 'ts-rank-stages' = DEFAULT_PLAN,
): SearchKindIndex {
  const table = sql.raw(kindTables(kind).documents);
  const impacts = sql.raw(kindTables(kind).impacts);
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

  return {
    dialect: 'postgres',
    kind,

    async ensure(db) {
      await ensurePostgresKind(db, kind);
      await views.ensureLog(db);
    },

    prepare(doc) {
      const fields = tokenisedFields(kind, doc);
      return {
        id: doc.id,
        fields: [literalOf(fields), impactText(kind, fields)],
        attributes: kind.attributeNames.map((a) => doc.attributes[a] ?? null),
      };
    },

    async store(db, docs, options = {}) {
      if (docs.length === 0) return;
      let added = 0;
      for (const chunk of chunksOf(docs, STORE_CHUNK, 2 + kind.attributeNames.length)) {
        const rows = chunk.map((d) => {
          const values = [sql`${d.id}`, sql`cast(${d.fields[0]} as tsvector)`, ...d.attributes.map((v) => sql`${v}`)];
          return sql`(${sql.join(values)})`;
        });
        // xmax is 0 on a row this statement inserted, not on one it updated: the new documents, for the count.
        const { rows: stored } = await sql<{ inserted: boolean }>`
          insert into ${table} (${insertColumns}) values ${sql.join(rows)}
          on conflict (id) do update set ${updates} returning (xmax = 0) as inserted`.execute(db);
        added += stored.filter((row) => row.inserted).length;
      }
      const ids = docs.map((d) => d.id);
      if (!options.fresh) await sql`delete from ${impacts} where doc = any(cast(${ids} as integer[]))`.execute(db);
      // The impact rows as three arrays, one statement however many: tens of rows a document.
      const tokens: string[] = [];
      const bands: number[] = [];
      const owners: number[] = [];
      for (const d of docs) {
        const parts = (d.fields[1] ?? '').split(' ');
        for (let i = 0; i + 1 < parts.length; i += 2) {
          tokens.push(parts[i]!);
          bands.push(Number(parts[i + 1]));
          owners.push(d.id);
        }
      }
      if (tokens.length > 0) {
        await sql`insert into ${impacts} (token, band, doc)
          select * from unnest(cast(${tokens} as text[]), cast(${bands} as smallint[]), cast(${owners} as integer[]))`.execute(
          db,
        );
      }
      await addToDocumentCount(db, kind.name, added);
      await views.logChanges(
        db,
        docs.map((d) => d.id),
      );
    },

    async index(db, doc) {
      await this.store(db, [this.prepare(doc)]);
    },

    async remove(db, id) {
      const deleted = await sql`delete from ${table} where id = ${id}`.execute(db);
      await sql`delete from ${impacts} where doc = ${id}`.execute(db);
      await addToDocumentCount(db, kind.name, -Number(deleted.numAffectedRows ?? 0));
      await views.logChanges(db, [id]);
    },

    async removeAll(db) {
      await sql`delete from ${table}`.execute(db);
      await sql`delete from ${impacts}`.execute(db);
      await setDocumentCount(db, kind.name, -1);
      await views.logChanges(db, 'all');
    },

    async rebuilt(db) {
      const { rows } = await sql<{ n: string }>`select count(*) as n from ${table}`.execute(db);
      await setDocumentCount(db, kind.name, Number(rows[0]?.n ?? 0));
    },

    needsRebuild: (db) => kindNeedsRebuild(db, kind.name),

    async search(db, terms, options) {
      if (plan === 'ts-rank-stages') return searchByTsRankStages(db, kind, terms, options);
      const fromMemory = await views.forSearch(db, terms, options.filter, options.everyTerm ?? false);
      return searchPostgresIndex(db, kind, terms, { ...options, ...fromMemory }, plan);
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
