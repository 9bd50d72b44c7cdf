/** The applications module's SQL: plain functions over its own tables, rows in and out. */
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type {
  ApplicationDocumentTable,
  ApplicationEventTable,
  ApplicationStatus,
  ApplicationTable,
  ApplicationTables,
} from './tables';

type Db = Kysely<ApplicationTables> | Transaction<ApplicationTables>;

export async function insertApplication(db: Db, row: Insertable<ApplicationTable>): Promise<number> {
  const { id } = await db.insertInto('applications').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function insertDocument(db: Db, row: Insertable<ApplicationDocumentTable>): Promise<void> {
  await db.insertInto('application_documents').values(row).execute();
}

/** The résumé as sent with these applications, by application id. */
export async function documentsOf(db: Db, applicationIds: number[]): Promise<Map<number, string>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('application_documents')
    .select(['application_id', 'resume_json'])
    .where('application_id', 'in', applicationIds)
    .execute();
  return new Map(rows.map((row) => [row.application_id, row.resume_json]));
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

/**
 * Whether another application to the job came before this one since `since`. Ordered by (created_at, id), not by
 * time alone: of two made in the same millisecond exactly one is first once both are committed. Reads the
 * (job_id, created_at) index.
 */
export async function hasEarlierSince(
  db: Db,
  application: { id: number; job_id: number; created_at: string },
  since: string,
): Promise<boolean> {
  const { id, job_id, created_at } = application;
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('job_id', '=', job_id)
    .where('created_at', '>=', since)
    .where((eb) =>
      eb.or([eb('created_at', '<', created_at), eb.and([eb('created_at', '=', created_at), eb('id', '<', id)])]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** LIKE's own wildcards in what was typed are matched literally. */
const likePattern = (words: string) => `%${words.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface ApplicantFilter {
  status?: ApplicationStatus;
  /** Words searched (as typed, one phrase) in the name, note and résumé text. */
  words?: string;
  /** Seekers whose texts a search must not read (they blocked the company). */
  leaveOut?: readonly number[];
}

const APPLICANT_COLUMNS = [
  'a.id',
  'a.seeker_id',
  'a.seeker_name',
  'a.status',
  'a.created_at',
  'a.status_changed_at',
  'a.resume_file_name',
  'a.interview_at',
  sql<string>`substr(a.note, 1, 120)`.as('note_start'),
] as const;

/** A search counts its matches up to this many ("more than 1,000"): past it the number helps nobody choose. */
export const MATCH_COUNT_CAP = 1000;

/**
 * One page of a job's applicants, newest first: only the small columns the list shows (walked in the order of the
 * (job_id, created_at) index), never the résumé. With words, their résumé texts are searched; the page stops at its
 * 50th match, and the matches are counted apart, up to MATCH_COUNT_CAP (a common word stops both early; a rare one
 * reads the job's texts once each). Without words the caller has the count already, from the stage counts.
 */
export async function listApplicants(db: Db, jobId: number, filter: ApplicantFilter, limit: number, offset: number) {
  const base = db
    .selectFrom('applications as a')
    .where('a.job_id', '=', jobId)
    .$if(filter.status !== undefined, (q) => q.where('a.status', '=', filter.status!));
  const page = (query: typeof base) =>
    query
      .select(APPLICANT_COLUMNS)
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  if (!filter.words) return { rows: await page(base), matching: null };
  const searched = base
    .innerJoin('application_documents as d', 'd.application_id', 'a.id')
    .where(sql<boolean>`d.search_text like ${likePattern(filter.words)} escape '\\'`)
    .$if((filter.leaveOut?.length ?? 0) > 0, (q) => q.where('a.seeker_id', 'not in', filter.leaveOut!));
  const [rows, counted] = await Promise.all([
    page(searched),
    db
      .selectFrom(
        searched
          .select(sql`1`.as('one'))
          .limit(MATCH_COUNT_CAP + 1)
          .as('m'),
      )
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, matching: Number(counted.n) };
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
export async function anonymiseSeeker(db: Kysely<ApplicationTables>, seekerId: number) {
  // One transaction: a failure between the two leaves no application without its copy erased, or the reverse.
  await db.transaction().execute(async (trx) => {
    // The résumé copies first: they are found through the seeker_id about to be erased.
    await trx
      .updateTable('application_documents')
      .set({ resume_json: '{}', search_text: '' })
      .where('application_id', 'in', trx.selectFrom('applications').select('id').where('seeker_id', '=', seekerId))
      .execute();
    await trx
      .updateTable('applications')
      .set({
        seeker_id: null,
        seeker_name: '',
        resume_file_id: null,
        resume_file_name: null,
        note: '',
      })
      .where('seeker_id', '=', seekerId)
      .execute();
  });
}
