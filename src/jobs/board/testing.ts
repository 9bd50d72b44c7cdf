/** Fixture jobs for the board's tests: inserted as the posting side would leave them, then indexed. */
import type { Insertable } from 'kysely';
import { type AppDb, ownTables } from '../../platform/db/tables';
import { addDays, chinaDate } from '../posting/expiry';
import type { JobTable, JobTables } from '../tables';
import type { JobBoard } from './service';

/** What the helpers need of a test app (src/test-support's TestApp has it). */
export interface FixtureApp {
  database: { db: AppDb };
  modules: { jobs: { board: Pick<JobBoard, 'reindexJobs'> } };
}

export const today = () => chinaDate(new Date());

/** Re-indexes jobs changed behind the services' back (as the posting side does after its writes). */
export function reindex(t: FixtureApp, ids: number[]) {
  return t.modules.jobs.board.reindexJobs(ownTables<JobTables>(t.database.db), ids);
}

/** A published job of `companyId` open for 30 more days, with these changes; returns its id (indexed). */
export async function insertJob(
  t: FixtureApp,
  companyId: number,
  changes: Partial<Insertable<JobTable>> = {},
  benefits: string[] = [],
): Promise<number> {
  const db = ownTables<JobTables>(t.database.db);
  const at = new Date().toISOString();
  const row: Insertable<JobTable> = {
    company_id: companyId,
    slug: 'fixture-job',
    status: 'published',
    title_en: 'Fixture job',
    title_zh: null,
    description_en_md: 'A job for tests.',
    description_zh_md: null,
    region_code: 'CN-SH',
    district_code: null,
    salary_min: 8000,
    salary_max: 12000,
    salary_months: 12,
    experience: '1-3',
    education: 'bachelor',
    employment_type: 'full-time',
    headcount: 1,
    insurance_base: 'actual',
    insurance_base_amount: null,
    housing_fund_rate: 12,
    posted_at: at,
    valid_through: addDays(today(), 30),
    origin: 'user',
    source_key: null,
    created_by: null,
    created_at: at,
    updated_at: at,
    decision_reason: null,
    ...changes,
  };
  const { id } = await db.insertInto('jobs').values(row).returning('id').executeTakeFirstOrThrow();
  if (benefits.length > 0) {
    await db
      .insertInto('job_benefits')
      .values(benefits.map((tag) => ({ job_id: Number(id), tag })))
      .execute();
  }
  await reindex(t, [Number(id)]);
  return Number(id);
}
