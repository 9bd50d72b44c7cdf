/** SQL of the reading side: jobs and their benefit tags, by id. Plain functions, db first. */
import type { ModuleDb } from '../../platform/db/tables';
import type { JobRow, JobTables } from '../tables';

type Db = ModuleDb<JobTables>;

export function listJobsByIds(db: Db, ids: number[]): Promise<JobRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('jobs').selectAll().where('id', 'in', ids).execute();
}

export function findJob(db: Db, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Benefit tags of these jobs, in the order they were stored. */
export function listBenefits(db: Db, jobIds: number[]): Promise<{ job_id: number; tag: string }[]> {
  if (jobIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('job_benefits').select(['job_id', 'tag']).where('job_id', 'in', jobIds).execute();
}

/** Ids of published jobs after `after`, in id order: the batches of a rebuild. */
export async function listPublishedIdsAfter(db: Db, after: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'published')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Ids of a company's published jobs (reindexed when the company changes). */
export async function listPublishedIdsOfCompany(db: Db, companyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('jobs')
    .select('id')
    .where('company_id', '=', companyId)
    .where('status', '=', 'published')
    .execute();
  return rows.map((r) => r.id);
}

export async function countPublished(db: Db): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A company's published jobs still open on `today`, newest first (its profile lists them). */
export function listOpenJobsOfCompany(db: Db, companyId: number, today: string, limit: number): Promise<JobRow[]> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('valid_through', '>=', today), eb('valid_through', 'is', null)]))
    .orderBy('posted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Open jobs for the sitemap: id, slug and when each last changed. */
export function listOpenJobsForSitemap(
  db: Db,
  today: string,
): Promise<Pick<JobRow, 'id' | 'company_id' | 'slug' | 'title_en' | 'title_zh' | 'updated_at'>[]> {
  return db
    .selectFrom('jobs')
    .select(['id', 'company_id', 'slug', 'title_en', 'title_zh', 'updated_at'])
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('valid_through', '>=', today), eb('valid_through', 'is', null)]))
    .orderBy('id')
    .execute();
}
