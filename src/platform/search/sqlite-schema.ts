import { sql } from 'kysely';
import { readKindState, writeKindState } from './kind-state';
import { kindTables, type SearchKind } from './kinds';
import type { Db } from './types';

const FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1";

/**
 * A kind's tables on SQLite, created when missing or re-created when the kind's layout changed (its documents
 * are then gone: the state says documents = -1 until the owner rebuilds). Names come from the kind's definition,
 * checked by defineSearchKind, never from a request.
 */
export async function ensureSqliteKind(db: Db, kind: SearchKind): Promise<void> {
  const state = await readKindState(db, kind.name);
  if (state?.layout === kind.layout) return;
  const t = kindTables(kind);
  for (const table of [t.fts, t.titles, t.impacts, t.impactBands, t.attributes]) {
    await sql`drop table if exists ${sql.raw(table)}`.execute(db);
  }
  // Our own tokens, separated by spaces: unicode61 only splits them again. Contentless (the text lives in the
  // owner's tables) but deletable, so updates can replace rows.
  const raw = sql.raw;
  await sql`create virtual table ${raw(t.fts)} using fts5(${raw(kind.ftsColumns.join(', '))}, ${raw(FTS_OPTIONS)})`.execute(
    db,
  );
  // Titles again, on their own: the title stages and suggestions read these short doclists, not whole documents'.
  const title = kind.title.name;
  const titleColumns = raw(`${title}, ${title}_bg`);
  await sql`create virtual table ${raw(t.titles)} using fts5(${titleColumns}, ${raw(FTS_OPTIONS)})`.execute(db);
  // Each document's salient tokens by their precomputed weight ("impact"): one row per document and impact band,
  // rowid = band × 2^32 + document id, so a token's doclist read from the highest band down gives its best
  // documents first (impacts.ts, decision 0108). Only rowids are needed: detail=none.
  await sql`create virtual table ${raw(t.impacts)} using fts5(tokens, ${raw(FTS_OPTIONS)}, detail = none)`.execute(db);
  // Which bands each document has rows in, so replacing or removing it deletes exactly those rowids (deleting a
  // rowid FTS5 does not hold still writes a tombstone into its segments).
  await sql`create table ${sql.raw(t.impactBands)} (doc integer primary key, bands text not null)`.execute(db);
  const columns = kind.attributeNames.map(
    (name) => `${name} ${kind.attributes[name] === 'integer' ? 'integer' : 'text'}`,
  );
  const definition = raw(['doc integer primary key', ...columns].join(', '));
  await sql`create table ${raw(t.attributes)} (${definition})`.execute(db);
  for (const name of kind.attributeNames) {
    await sql`create index ${raw(`${t.attributes}_${name}`)} on ${raw(t.attributes)} (${raw(name)})`.execute(db);
  }
  await writeKindState(db, kind.name, { layout: kind.layout, documents: -1 });
}
