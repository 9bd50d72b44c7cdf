import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Amended statutes (what changed between versions) and imported Q&A collections.
export function imports(dialect: DialectName): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement();
  return {
    async up(db: Kysely<any>) {
      // One row per article that changed, was added or was removed from one version to the next.
      await db.schema
        .createTable('article_changes')
        .addColumn('id', idType, id)
        .addColumn('statute_id', 'integer', (c) => c.notNull().references('statutes.id').onDelete('cascade'))
        .addColumn('from_version_id', 'integer', (c) =>
          c.notNull().references('statute_versions.id').onDelete('cascade'),
        )
        .addColumn('to_version_id', 'integer', (c) => c.notNull().references('statute_versions.id').onDelete('cascade'))
        .addColumn('article_number', 'integer', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('article_changes_to_version').on('article_changes').column('to_version_id').execute();
      // Why a published answer needs an editor: 'law-amended' (a cited article changed or went) or
      // 'imported-unreviewed' (came from an import). Null when nothing is pending.
      await db.schema.alterTable('answers').addColumn('review_flag', 'text').execute();
      await db.schema.alterTable('answers').addColumn('flagged_at', 'text').execute();
      // Legal basis lines of imported answers that did not resolve to an article, kept as plain text.
      await db.schema
        .createTable('answer_unresolved_citations')
        .addColumn('id', idType, id)
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id').onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('answer_unresolved_citations_answer')
        .on('answer_unresolved_citations')
        .column('answer_id')
        .execute();
      // Where an imported question came from, and a normalised form of its text for de-duplication.
      await db.schema.alterTable('questions').addColumn('import_source', 'text').execute();
      await db.schema.alterTable('questions').addColumn('normalised_title', 'text').execute();
      await db.schema.createIndex('questions_normalised_title').on('questions').column('normalised_title').execute();
      // Resumable imports: how far each file got.
      await db.schema
        .createTable('import_runs')
        .addColumn('id', idType, id)
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('file_hash', 'text', (c) => c.notNull())
        .addColumn('lines_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('finished', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('summary_json', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('import_runs_source_file', ['source', 'file_hash'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('import_runs').ifExists().execute();
      await db.schema.dropIndex('questions_normalised_title').ifExists().execute();
      await db.schema.alterTable('questions').dropColumn('normalised_title').execute();
      await db.schema.alterTable('questions').dropColumn('import_source').execute();
      await db.schema.dropTable('answer_unresolved_citations').ifExists().execute();
      await db.schema.alterTable('answers').dropColumn('flagged_at').execute();
      await db.schema.alterTable('answers').dropColumn('review_flag').execute();
      await db.schema.dropTable('article_changes').ifExists().execute();
    },
  };
}
