import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. The search index: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL (src/search/).
export function searchIndex(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'sqlite') {
        // Contentless (the text lives in questions/answers) but deletable, so updates can replace rows.
        await sql`create virtual table search_fts using fts5(
          title, title_bg, body, body_bg, legal,
          tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1
        )`.execute(db);
        // Titles again, on their own: the title stages read these short doclists, not the whole documents'.
        await sql`create virtual table search_titles using fts5(
          title, title_bg,
          tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1
        )`.execute(db);
      } else {
        await db.schema
          .createTable('search_documents')
          .addColumn('question_id', 'integer', (c) => c.primaryKey().references('questions.id').onDelete('cascade'))
          .addColumn('document', sql`tsvector`, (c) => c.notNull())
          .execute();
        await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
      }
    },
    async down(db: Kysely<any>) {
      if (dialect === 'sqlite') {
        await sql`drop table if exists search_fts`.execute(db);
        await sql`drop table if exists search_titles`.execute(db);
      } else await db.schema.dropTable('search_documents').ifExists().execute();
    },
  };
}
