import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Revisions of published answers, helpful votes, accepted answers, duplicates, notifications.
export function community(dialect: DialectName): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement();
  return {
    async up(db: Kysely<any>) {
      // One row per published state of an answer: what readers saw, who changed it, when.
      await db.schema
        .createTable('answer_revisions')
        .addColumn('id', idType, id)
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id').onDelete('cascade'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('analysis_md', 'text', (c) => c.notNull())
        .addColumn('steps_json', 'text', (c) => c.notNull())
        .addColumn('citations_json', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('verified_on', 'text', (c) => c.notNull())
        .addColumn('editor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('answer_revisions_answer_revision', ['answer_id', 'revision'])
        .execute();
      await db.schema
        .createTable('answer_votes')
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('answer_votes_pk', ['answer_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('answer_follows')
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('answer_follows_pk', ['answer_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('notifications')
        .addColumn('id', idType, id)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('link', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema
        .createIndex('notifications_user')
        .on('notifications')
        .columns(['user_id', 'created_at'])
        .execute();
      await db.schema
        .alterTable('answers')
        .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('answers')
        .addColumn('helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('questions')
        .addColumn('duplicate_of_id', 'integer', (c) => c.references('questions.id').onDelete('set null'))
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('questions').dropColumn('duplicate_of_id').execute();
      await db.schema.alterTable('answers').dropColumn('helpful_count').execute();
      await db.schema.alterTable('answers').dropColumn('accepted').execute();
      for (const table of ['notifications', 'answer_follows', 'answer_votes', 'answer_revisions']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
