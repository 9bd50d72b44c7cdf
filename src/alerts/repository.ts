/** SQL on the alerts' own tables: saved searches and the jobs notified for them. Plain functions, db first. */
import type { Insertable, Selectable } from 'kysely';
import type { ModuleDb } from '../platform/db/tables';
import type { AlertTables, SavedSearchTable } from './tables';

type Db = ModuleDb<AlertTables>;

export type SavedSearch = Selectable<SavedSearchTable>;

export function listOfUser(db: Db, userId: number) {
  return db
    .selectFrom('saved_searches')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function countOfUser(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('saved_searches')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findByPath(db: Db, userId: number, searchPath: string) {
  return db
    .selectFrom('saved_searches')
    .select('id')
    .where('user_id', '=', userId)
    .where('search_path', '=', searchPath)
    .executeTakeFirst();
}

export async function insertSearch(db: Db, row: Insertable<SavedSearchTable>): Promise<number> {
  const { id } = await db.insertInto('saved_searches').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/**
 * Deletes the search if it is this user's; false when there is no such search of theirs. Its notified jobs go with
 * it (saved_search_notified: on delete cascade, migration 023; SQLite's foreign keys are on in every connection).
 */
export async function deleteOwned(db: Db, id: number, userId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('saved_searches')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes every search of the user, their notified jobs with them (cascade, as above). */
export async function deleteAllOfUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('saved_searches').where('user_id', '=', userId).execute();
}

/** Searches whose last run was at or before `cutoff`, oldest run first: the daily run's work. */
export function listDue(db: Db, cutoff: string, limit: number) {
  return db
    .selectFrom('saved_searches')
    .selectAll()
    .where('last_run_at', '<=', cutoff)
    .orderBy('last_run_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Marks the search as run now, if no one ran it since `previous` was read: of two runners (the app's timer and
 * `npm run alerts:run`) only one gets a search, so its jobs are not notified twice.
 */
export async function claimRun(db: Db, id: number, previous: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('saved_searches')
    .set({ last_run_at: at })
    .where('id', '=', id)
    .where('last_run_at', '=', previous)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Which of these jobs were already notified for the search. */
export async function notifiedAmong(db: Db, searchId: number, jobIds: number[]): Promise<Set<number>> {
  if (jobIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('saved_search_notified')
    .select('job_id')
    .where('saved_search_id', '=', searchId)
    .where('job_id', 'in', jobIds)
    .execute();
  return new Set(rows.map((r) => r.job_id));
}

export async function recordNotified(
  db: Db,
  searchId: number,
  jobs: { id: number; postedAt: string }[],
  at: string,
): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto('saved_search_notified')
    .values(
      jobs.map((job) => ({ saved_search_id: searchId, job_id: job.id, posted_at: job.postedAt, notified_at: at })),
    )
    .execute();
}

/** Forgets notified jobs posted before `before`: no run looks that far back again, so they cannot come up. */
export async function pruneNotified(db: Db, searchId: number, before: string): Promise<void> {
  await db
    .deleteFrom('saved_search_notified')
    .where('saved_search_id', '=', searchId)
    .where('posted_at', '<', before)
    .execute();
}
