import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. The jobs board (issue 13, docs/decisions/0112-jobs-board.md): companies (owned by the companies
// module) and job posts (owned by the jobs module). Money is whole yuan per month; dates are ISO text.
export function jobsBoard(dialect: DialectName): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement();
  const realType = dialect === 'postgres' ? 'double precision' : 'real';
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('companies')
        .addColumn('id', idType, id)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        // 统一社会信用代码 (GB 32100-2015), checked by its check character.
        .addColumn('credit_code', 'text', (c) => c.notNull().unique())
        .addColumn('industry', 'text', (c) => c.notNull())
        .addColumn('size', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
        .addColumn('description_en_md', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('description_zh_md', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('website', 'text')
        // pending (waiting for an editor), verified, refused.
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('source_key', 'text', (c) => c.unique())
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('company_members')
        .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('company_members_pk', ['company_id', 'user_id'])
        .execute();
      await db.schema.createIndex('company_members_user').on('company_members').column('user_id').execute();
      await db.schema
        .createTable('company_invites')
        .addColumn('id', idType, id)
        .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text')
        .addColumn('accepted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      // Every verification decision, kept: who decided what, when, and why.
      await db.schema
        .createTable('company_decisions')
        .addColumn('id', idType, id)
        .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('jobs')
        .addColumn('id', idType, id)
        .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
        .addColumn('slug', 'text', (c) => c.notNull().defaultTo(''))
        // draft, pending (waiting for review), published, rejected, paused, closed. Expiry is valid_through.
        .addColumn('status', 'text', (c) => c.notNull())
        // A post in one language or both; at least one title and its description.
        .addColumn('title_en', 'text')
        .addColumn('title_zh', 'text')
        .addColumn('description_en_md', 'text')
        .addColumn('description_zh_md', 'text')
        .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
        .addColumn('district_code', 'text', (c) => c.references('regions.code'))
        .addColumn('salary_min', 'integer', (c) => c.notNull())
        .addColumn('salary_max', 'integer', (c) => c.notNull())
        .addColumn('salary_months', 'integer', (c) => c.notNull().defaultTo(12))
        .addColumn('experience', 'text', (c) => c.notNull())
        .addColumn('education', 'text', (c) => c.notNull())
        .addColumn('employment_type', 'text', (c) => c.notNull())
        .addColumn('headcount', 'integer', (c) => c.notNull().defaultTo(1))
        // The employer's declared social insurance: the base (actual salary, the city minimum, a fixed amount)
        // and the housing fund's rate in percent (null: no housing fund).
        .addColumn('insurance_base', 'text', (c) => c.notNull())
        .addColumn('insurance_base_amount', 'integer')
        .addColumn('housing_fund_rate', realType)
        .addColumn('posted_at', 'text')
        .addColumn('valid_through', 'text')
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('source_key', 'text', (c) => c.unique())
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // The last moderation decision the employer sees (a rejection's reason).
        .addColumn('decision_reason', 'text')
        .execute();
      await db.schema.createIndex('jobs_company').on('jobs').column('company_id').execute();
      await db.schema.createIndex('jobs_status_posted').on('jobs').columns(['status', 'posted_at']).execute();
      await db.schema
        .createIndex('jobs_status_region')
        .on('jobs')
        .columns(['status', 'region_code', 'posted_at'])
        .execute();
      await db.schema
        .createTable('job_benefits')
        .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('job_benefits_pk', ['job_id', 'tag'])
        .execute();
      await db.schema.createIndex('job_benefits_tag').on('job_benefits').columns(['tag', 'job_id']).execute();
      // An edit of a published job waiting for review: the fields as submitted (JSON). The approved version
      // stays live until an editor approves it.
      await db.schema
        .createTable('job_pending_edits')
        .addColumn('job_id', 'integer', (c) => c.primaryKey().references('jobs.id').onDelete('cascade'))
        .addColumn('fields_json', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .execute();
      // Everything that happened to a job: submitted, approved, rejected, paused, closed, renewed, expired,
      // edits submitted and decided, reports handled; who and when.
      await db.schema
        .createTable('job_events')
        .addColumn('id', idType, id)
        .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('job_events_job').on('job_events').columns(['job_id', 'at']).execute();
      await db.schema
        .createTable('job_reports')
        .addColumn('id', idType, id)
        .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('reporter_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        // open, dismissed, upheld.
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('handled_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('handled_at', 'text')
        .execute();
      await db.schema.createIndex('job_reports_status').on('job_reports').columns(['status', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const table of [
        'job_reports',
        'job_events',
        'job_pending_edits',
        'job_benefits',
        'jobs',
        'company_decisions',
        'company_invites',
        'company_members',
        'companies',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
