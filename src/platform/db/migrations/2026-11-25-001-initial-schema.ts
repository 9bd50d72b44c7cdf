import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time: this file must keep describing the schema as it was on 2026-11-25.
export function initialSchema(dialect: DialectName): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement();

  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('statutes')
        .addColumn('id', idType, id)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title_zh', 'text', (c) => c.notNull().unique())
        .addColumn('short_title_zh', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('short_title_en', 'text', (c) => c.notNull())
        .addColumn('level_zh', 'text', (c) => c.notNull())
        .addColumn('tier', 'text', (c) => c.notNull())
        .addColumn('aliases_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('statute_versions')
        .addColumn('id', idType, id)
        .addColumn('statute_id', 'integer', (c) => c.notNull().references('statutes.id').onDelete('cascade'))
        .addColumn('version_date', 'text', (c) => c.notNull())
        .addColumn('history_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('preamble_zh', 'text')
        .addColumn('source_ref', 'text', (c) => c.notNull())
        .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('statute_versions_statute_date', ['statute_id', 'version_date'])
        .execute();

      await db.schema
        .createTable('articles')
        .addColumn('id', idType, id)
        .addColumn('statute_version_id', 'integer', (c) =>
          c.notNull().references('statute_versions.id').onDelete('cascade'),
        )
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('label_zh', 'text', (c) => c.notNull())
        .addColumn('chapter_zh', 'text')
        .addColumn('section_zh', 'text')
        .addColumn('text_zh', 'text', (c) => c.notNull())
        .addUniqueConstraint('articles_version_number', ['statute_version_id', 'number'])
        .execute();

      await db.schema
        .createTable('topics')
        .addColumn('id', idType, id)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('title_zh', 'text', (c) => c.notNull())
        .addColumn('summary_en', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('regions')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('parent_code', 'text', (c) => c.references('regions.code'))
        .execute();

      await db.schema
        .createTable('questions')
        .addColumn('id', idType, id)
        .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('source_key', 'text', (c) => c.unique())
        .addColumn('translation_of_id', 'integer', (c) => c.references('questions.id').onDelete('set null'))
        .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
        .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // The center lists "latest" and "most viewed" per topic and overall.
      await db.schema
        .createIndex('questions_topic_created')
        .on('questions')
        .columns(['topic_id', 'created_at'])
        .execute();
      await db.schema.createIndex('questions_created').on('questions').column('created_at').execute();
      await db.schema.createIndex('questions_views').on('questions').column('view_count').execute();
      await db.schema.createIndex('questions_translation').on('questions').column('translation_of_id').execute();

      await db.schema
        .createTable('question_aliases')
        .addColumn('id', idType, id)
        .addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id').onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('question_aliases_question').on('question_aliases').column('question_id').execute();

      await db.schema
        .createTable('answers')
        .addColumn('id', idType, id)
        .addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('analysis_md', 'text', (c) => c.notNull())
        .addColumn('analysis_html', 'text', (c) => c.notNull())
        .addColumn('background_md', 'text')
        .addColumn('background_html', 'text')
        .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
        .addColumn('verified_on', 'text', (c) => c.notNull())
        .addColumn('author_label', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .execute();
      await db.schema.createIndex('answers_question').on('answers').columns(['question_id', 'status']).execute();

      await db.schema
        .createTable('answer_steps')
        .addColumn('id', idType, id)
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('materials', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('duration', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .createIndex('answer_steps_answer')
        .on('answer_steps')
        .columns(['answer_id', 'position'])
        .execute();

      await db.schema
        .createTable('answer_citations')
        .addColumn('id', idType, id)
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
        .addColumn('paragraph', 'integer')
        .addColumn('item', 'integer')
        .addColumn('citation_text', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('answer_citations_answer')
        .on('answer_citations')
        .columns(['answer_id', 'position'])
        .execute();
      await db.schema.createIndex('answer_citations_article').on('answer_citations').column('article_id').execute();
    },
    async down(db: Kysely<any>) {
      for (const table of [
        'answer_citations',
        'answer_steps',
        'answers',
        'question_aliases',
        'questions',
        'regions',
        'topics',
        'articles',
        'statute_versions',
        'statutes',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
