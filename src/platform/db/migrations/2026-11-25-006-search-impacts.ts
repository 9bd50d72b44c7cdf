import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Impact lists beside SQLite's FTS5 index (src/search/sqlite-engine.ts and
// docs/decisions/0108-search-impact-lists.md); PostgreSQL keeps its GIN-indexed tsvector only.
export function searchImpacts(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      // Each document's salient tokens by their precomputed weight ("impact"): one row per document and
      // impact band, rowid = band × 2^32 + document id, so a token's doclist read from the highest band down
      // (`order by rowid desc`) gives its best documents first. FTS5 rather than a b-tree keyed by token:
      // its segments take a batch of documents as one sequential write, where a b-tree takes a random page
      // write per row. Only rowids are needed: detail=none.
      await sql`create virtual table search_impacts using fts5(
        tokens, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1, detail = none
      )`.execute(db);
      // Which bands each document has rows in, so replacing or removing it deletes exactly those rowids
      // (deleting a rowid FTS5 does not hold still writes a tombstone into its segments).
      await sql`create table search_impact_bands (doc integer primary key, bands text not null)`.execute(db);
      // Corpus statistics the ranking needs: the number of documents (for the idf).
      // documents = -1: documents indexed before this table existed have no impact rows yet; the app
      // rebuilds the index on start (SearchEngine.needsRebuild).
      await sql`create table search_stats (id integer primary key check (id = 1), documents integer not null)`.execute(
        db,
      );
      await sql`insert into search_stats (id, documents)
        select 1, case when count(*) = 0 then 0 else -1 end from search_titles`.execute(db);
    },
    async down(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      await sql`drop table if exists search_impacts`.execute(db);
      await sql`drop table if exists search_impact_bands`.execute(db);
      await sql`drop table if exists search_stats`.execute(db);
    },
  };
}
