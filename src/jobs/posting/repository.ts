/** SQL of the writing side: jobs, their benefits, pending edits, events and reports. Plain functions, db first. */
import type { Insertable, Updateable } from 'kysely';
import type { ModuleDb } from '../../platform/db/tables';
import type { JobEventTable, JobReportTable, JobRow, JobStatus, JobTable, JobTables } from '../tables';

type Db = ModuleDb<JobTables>;

export async function insertJob(db: Db, row: Insertable<JobTable>): Promise<number> {
  const { id } = await db.insertInto('jobs').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function findJob(db: Db, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findJobIdBySourceKey(db: Db, sourceKey: string): Promise<number | undefined> {
  const row = await db.selectFrom('jobs').select('id').where('source_key', '=', sourceKey).executeTakeFirst();
  return row?.id;
}

export async function updateJob(db: Db, id: number, patch: Updateable<JobTable>): Promise<void> {
  await db.updateTable('jobs').set(patch).where('id', '=', id).execute();
}

/**
 * Moves a job on only from the statuses the move starts from: two moderators (or a moderator and the employer)
 * acting at once cannot both win; the loser's update changes nothing and the service refuses it.
 */
export async function moveJob(
  db: Db,
  id: number,
  from: readonly JobStatus[],
  patch: Updateable<JobTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listJobsOfCompanies(db: Db, companyIds: number[]): Promise<JobRow[]> {
  if (companyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('company_id', 'in', companyIds)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Jobs waiting for review, oldest first (first come, first served). */
export function listJobsWithStatus(db: Db, status: JobStatus, limit: number): Promise<JobRow[]> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('status', '=', status)
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function listJobs(db: Db, ids: number[]): Promise<JobRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('jobs').selectAll().where('id', 'in', ids).execute();
}

// ---- benefits ----------------------------------------------------------------------------------

export function listBenefits(db: Db, jobIds: number[]): Promise<{ job_id: number; tag: string }[]> {
  if (jobIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('job_benefits').select(['job_id', 'tag']).where('job_id', 'in', jobIds).execute();
}

export async function replaceBenefits(db: Db, jobId: number, tags: string[]): Promise<void> {
  await db.deleteFrom('job_benefits').where('job_id', '=', jobId).execute();
  if (tags.length > 0)
    await db
      .insertInto('job_benefits')
      .values(tags.map((tag) => ({ job_id: jobId, tag })))
      .execute();
}

// ---- pending edits -----------------------------------------------------------------------------

export function findPendingEdit(db: Db, jobId: number) {
  return db.selectFrom('job_pending_edits').selectAll().where('job_id', '=', jobId).executeTakeFirst();
}

export function listPendingEdits(db: Db, limit: number) {
  return db.selectFrom('job_pending_edits').selectAll().orderBy('submitted_at').limit(limit).execute();
}

export async function pendingEditJobIds(db: Db, jobIds: number[]): Promise<Set<number>> {
  if (jobIds.length === 0) return new Set();
  const rows = await db.selectFrom('job_pending_edits').select('job_id').where('job_id', 'in', jobIds).execute();
  return new Set(rows.map((r) => r.job_id));
}

/** One pending edit per job: a newer edit replaces the one waiting (delete and insert reads the same on both engines). */
export async function savePendingEdit(
  db: Db,
  row: { job_id: number; fields_json: string; submitted_by: number; submitted_at: string },
): Promise<void> {
  await deletePendingEdit(db, row.job_id);
  await db.insertInto('job_pending_edits').values(row).execute();
}

export async function deletePendingEdit(db: Db, jobId: number): Promise<boolean> {
  const result = await db.deleteFrom('job_pending_edits').where('job_id', '=', jobId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- events ------------------------------------------------------------------------------------

export async function insertEvent(db: Db, row: Insertable<JobEventTable>): Promise<void> {
  await db.insertInto('job_events').values(row).execute();
}

export function listEvents(db: Db, jobId: number) {
  return db.selectFrom('job_events').selectAll().where('job_id', '=', jobId).orderBy('at').orderBy('id').execute();
}

/**
 * Published jobs past their last day whose expiry is not recorded yet: an `expired` event at or after the last day
 * records it, so a renewed job (a later last day) expires again in its turn, and a second run finds nothing.
 */
export async function listNewlyExpired(db: Db, today: string): Promise<{ id: number; valid_through: string }[]> {
  const rows = await db
    .selectFrom('jobs as j')
    .select(['j.id', 'j.valid_through'])
    .where('j.status', '=', 'published')
    .where('j.valid_through', '<', today)
    .where(({ not, exists, selectFrom, ref }) =>
      not(
        exists(
          selectFrom('job_events as e')
            .select('e.id')
            .whereRef('e.job_id', '=', 'j.id')
            .where('e.action', '=', 'expired')
            .where('e.at', '>=', ref('j.valid_through')),
        ),
      ),
    )
    .execute();
  return rows.flatMap((r) => (r.valid_through === null ? [] : [{ id: r.id, valid_through: r.valid_through }]));
}

// ---- reports -----------------------------------------------------------------------------------

export async function insertReport(db: Db, row: Insertable<JobReportTable>): Promise<number> {
  const { id } = await db.insertInto('job_reports').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function findReport(db: Db, id: number) {
  return db.selectFrom('job_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listOpenReports(db: Db, limit: number) {
  return db
    .selectFrom('job_reports')
    .selectAll()
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function listReportsOfJob(db: Db, jobId: number) {
  return db.selectFrom('job_reports').selectAll().where('job_id', '=', jobId).orderBy('created_at').execute();
}

/** Decides open reports (one, or every open one of a job); returns how many were still open. */
export async function decideReports(
  db: Db,
  where: { reportId: number } | { jobId: number },
  decision: { status: 'dismissed' | 'upheld'; handled_by: number; handled_at: string },
): Promise<number> {
  let query = db.updateTable('job_reports').set(decision).where('status', '=', 'open');
  query = 'reportId' in where ? query.where('id', '=', where.reportId) : query.where('job_id', '=', where.jobId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
