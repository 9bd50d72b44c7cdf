import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Applications (issue 14, docs/decisions/0115-applications.md): a seeker's application to a job
// with a copy of their résumé, its history of status changes, and employers' private notes. Dates are ISO text.
export function applications(dialect: DialectName): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement();
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('applications')
        .addColumn('id', idType, id)
        .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
        .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
        // Kept (set null) when the account goes: the employer keeps the anonymised application.
        .addColumn('seeker_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('seeker_name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('previous_status', 'text')
        .addColumn('status_changed_at', 'text', (c) => c.notNull())
        .addColumn('resume_file_id', 'text')
        .addColumn('resume_file_name', 'text')
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('interview_at', 'text')
        .addColumn('interview_place', 'text')
        .addColumn('reject_reason', 'text')
        .addColumn('viewed_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        // Once per job: two NULLs (forgotten accounts) do not collide on either engine.
        .addUniqueConstraint('applications_once_per_job', ['job_id', 'seeker_id'])
        .execute();
      // The applicant list: a job's applications by stage, newest first.
      await db.schema
        .createIndex('applications_job_status')
        .on('applications')
        .columns(['job_id', 'status', 'created_at'])
        .execute();
      await db.schema
        .createIndex('applications_job_created')
        .on('applications')
        .columns(['job_id', 'created_at'])
        .execute();
      // Responsiveness per company over a window; a seeker's list.
      await db.schema
        .createIndex('applications_company_created')
        .on('applications')
        .columns(['company_id', 'created_at'])
        .execute();
      await db.schema.createIndex('applications_seeker').on('applications').column('seeker_id').execute();
      // The long texts apart, so the applicant list reads small rows (and these only when searching).
      await db.schema
        .createTable('application_documents')
        .addColumn('application_id', 'integer', (c) => c.primaryKey().references('applications.id').onDelete('cascade'))
        .addColumn('resume_json', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('application_events')
        .addColumn('id', idType, id)
        .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('interview_at', 'text')
        .addColumn('interview_place', 'text')
        .execute();
      await db.schema
        .createIndex('application_events_application')
        .on('application_events')
        .columns(['application_id', 'at'])
        .execute();
      await db.schema
        .createTable('application_notes')
        .addColumn('id', idType, id)
        .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
        .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('application_notes_application')
        .on('application_notes')
        .column('application_id')
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('application_notes').execute();
      await db.schema.dropTable('application_events').execute();
      await db.schema.dropTable('application_documents').execute();
      await db.schema.dropTable('applications').execute();
    },
  };
}
