/** The applications module's SQL: plain functions over its own tables, rows in and out. */
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { ApplicationEventTable, ApplicationStatus, ApplicationTable, ApplicationTables } from './tables';

type Db = Kysely<ApplicationTables> | Transaction<ApplicationTables>;

export async function insertApplication(db: Db, row: Insertable<ApplicationTable>): Promise<number> {
  const { id } = await db.insertInto('applications').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function findApplication(db: Db, id: number) {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOfSeekerForJob(db: Db, seekerId: number, jobId: number) {
  return db
    .selectFrom('applications')
    .select(['id', 'status', 'created_at'])
    .where('seeker_id', '=', seekerId)
    .where('job_id', '=', jobId)
    .executeTakeFirst();
}

/** A seeker's applications, newest first. */
export function listOfSeeker(db: Db, seekerId: number) {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('seeker_id', '=', seekerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * Changes an application still at `expected`; false when someone changed it first (two employers at once, a
 * withdrawal while the employer decides): the status is the guard, so no move is lost or doubled.
 */
export async function updateIfStatus(
  db: Db,
  id: number,
  expected: ApplicationStatus,
  changes: Updateable<ApplicationTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvent(db: Db, event: Insertable<ApplicationEventTable>): Promise<void> {
  await db.insertInto('application_events').values(event).execute();
}

/** The history of these applications, oldest first. */
export function eventsOf(db: Db, applicationIds: number[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', 'in', applicationIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function notesOf(db: Db, applicationId: number) {
  return db
    .selectFrom('application_notes')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertNote(db: Db, applicationId: number, authorId: number, body: string, at: string) {
  await db
    .insertInto('application_notes')
    .values({ application_id: applicationId, author_id: authorId, body, created_at: at })
    .execute();
}

/** How many applications a job has at each stage. */
export async function stageCounts(db: Db, jobId: number): Promise<Map<ApplicationStatus, number>> {
  const rows = await db
    .selectFrom('applications')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .where('job_id', '=', jobId)
    .groupBy('status')
    .execute();
  return new Map(rows.map((row) => [row.status, Number(row.n)]));
}

/** LIKE's own wildcards in what was typed are matched literally. */
const likePattern = (words: string) => `%${words.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface ApplicantFilter {
  status?: ApplicationStatus;
  /** Words searched (as typed, one phrase) in the name, note and résumé text. */
  words?: string;
}

/**
 * One page of a job's applicants with the number matching, in one query (the applicant list asks nothing per
 * applicant): only the columns the list shows, never the snapshot. `count(*) over ()` is the matching total on
 * both engines (SQLite ≥ 3.25).
 */
export function listApplicants(db: Db, jobId: number, filter: ApplicantFilter, limit: number, offset: number) {
  let query = db
    .selectFrom('applications')
    .select([
      'id',
      'seeker_id',
      'seeker_name',
      'status',
      'created_at',
      'status_changed_at',
      'resume_file_name',
      'interview_at',
      sql<string>`substr(note, 1, 120)`.as('note_start'),
      sql<number>`count(*) over ()`.as('matching'),
    ])
    .where('job_id', '=', jobId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.words) query = query.where(sql<boolean>`search_text like ${likePattern(filter.words)} escape '\\'`);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

/** Of these ids, those that are applications to this job (a bulk action names nothing else). */
export function applicationsOfJob(db: Db, jobId: number, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('applications').selectAll().where('job_id', '=', jobId).where('id', 'in', ids).execute();
}

/**
 * For the responsiveness figure: every application of a job or a company submitted since `since`, with the
 * employer's first change other than viewed (the reply) and the seeker's withdrawal, from the history.
 */
export function replyRecords(db: Db, of: { jobId: number } | { companyId: number }, since: string) {
  return db
    .selectFrom('applications as a')
    .leftJoin('application_events as e', 'e.application_id', 'a.id')
    .select([
      'a.created_at as submittedAt',
      sql<string | null>`min(case when e.side = 'employer' and e.to_status <> 'viewed' then e.at end)`.as('repliedAt'),
      sql<string | null>`min(case when e.to_status = 'withdrawn' then e.at end)`.as('withdrawnAt'),
    ])
    .where('jobId' in of ? 'a.job_id' : 'a.company_id', '=', 'jobId' in of ? of.jobId : of.companyId)
    .where('a.created_at', '>=', since)
    .groupBy(['a.id', 'a.created_at'])
    .execute();
}

/** Forgetting a seeker: their applications stay for the employer, without the person in them. */
export async function anonymiseSeeker(db: Db, seekerId: number) {
  await db
    .updateTable('applications')
    .set({
      seeker_id: null,
      seeker_name: '',
      resume_json: '{}',
      resume_file_id: null,
      resume_file_name: null,
      search_text: '',
      note: '',
    })
    .where('seeker_id', '=', seekerId)
    .execute();
}
