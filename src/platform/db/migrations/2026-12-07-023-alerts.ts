import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Saved searches and job alerts (issue 14, docs/decisions/0116-job-alerts.md): a person's saved
// searches of the jobs board (the parsed parameters as JSON text) and, per search, the jobs already notified, so a
// job is never notified twice for one search. Everything goes with the user (on delete cascade).
export function alerts(dialect: DialectName): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement();
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('saved_searches')
        .addColumn('id', idType, id)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('query_json', 'text', (c) => c.notNull())
        .addColumn('search_path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_run_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('saved_searches_user_search', ['user_id', 'search_path'])
        .execute();
      // The daily run asks for the searches whose last run is a day old.
      await db.schema.createIndex('saved_searches_due').on('saved_searches').columns(['last_run_at']).execute();
      await db.schema
        .createTable('saved_search_notified')
        .addColumn('saved_search_id', 'integer', (c) => c.notNull().references('saved_searches.id').onDelete('cascade'))
        .addColumn('job_id', 'integer', (c) => c.notNull())
        .addColumn('posted_at', 'text', (c) => c.notNull())
        .addColumn('notified_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('saved_search_notified_pk', ['saved_search_id', 'job_id'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['saved_search_notified', 'saved_searches']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
