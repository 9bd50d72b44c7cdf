import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Résumés (issue 14, docs/decisions/0114-resumes-and-privacy.md): one structured résumé per user
// (its repeatable parts as JSON text), their PDF files (bytes on disk, by a random name) and the companies they
// blocked. Everything goes with the user (on delete cascade). Money is whole yuan a month.
export function resumes(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('resumes')
        .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('city_code', 'text', (c) => c.references('regions.code'))
        .addColumn('expected_city_code', 'text', (c) => c.references('regions.code'))
        .addColumn('expected_salary_min', 'integer')
        .addColumn('expected_salary_max', 'integer')
        .addColumn('education_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('work_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('skills_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('languages_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('resume_files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('stored_name', 'text', (c) => c.notNull().unique())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('resume_files_user').on('resume_files').columns(['user_id', 'uploaded_at']).execute();
      await db.schema
        .createTable('resume_blocked_companies')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('resume_blocked_companies_pk', ['user_id', 'company_id'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['resume_blocked_companies', 'resume_files', 'resumes']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
