/** SQL of the résumés module: plain functions taking the database (or a transaction) first. */
import type { Insertable, Kysely } from 'kysely';
import type { ResumeFileTable, ResumeTable, ResumeTables } from './tables';

type Db = Kysely<ResumeTables>;

export function findResume(db: Db, userId: number) {
  return db.selectFrom('resumes').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Inserts or replaces the user's résumé (one per user). */
export async function saveResume(db: Db, row: Insertable<ResumeTable>) {
  const { user_id, created_at, ...fields } = row;
  await db
    .insertInto('resumes')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet(fields))
    .execute();
}

export function deleteResume(db: Db, userId: number) {
  return db.deleteFrom('resumes').where('user_id', '=', userId).execute();
}

/** The user's files, newest first, without their text. */
export function filesOf(db: Db, userId: number) {
  return db
    .selectFrom('resume_files')
    .select(['id', 'name', 'size', 'stored_name', 'uploaded_at'])
    .where('user_id', '=', userId)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id')
    .execute();
}

export function countFiles(db: Db, userId: number) {
  return db
    .selectFrom('resume_files')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
}

/** The file, only if it is the user's. */
export function findFileOf(db: Db, fileId: string, userId: number) {
  return db
    .selectFrom('resume_files')
    .selectAll()
    .where('id', '=', fileId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function insertFile(db: Db, row: Insertable<ResumeFileTable>) {
  return db.insertInto('resume_files').values(row).execute();
}

export function deleteFile(db: Db, fileId: string, userId: number) {
  return db.deleteFrom('resume_files').where('id', '=', fileId).where('user_id', '=', userId).execute();
}

export function deleteFilesOf(db: Db, userId: number) {
  return db.deleteFrom('resume_files').where('user_id', '=', userId).execute();
}

export function blockedCompanyIds(db: Db, userId: number) {
  return db
    .selectFrom('resume_blocked_companies')
    .select(['company_id', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function isBlocked(db: Db, userId: number, companyId: number): Promise<boolean> {
  const row = await db
    .selectFrom('resume_blocked_companies')
    .select('company_id')
    .where('user_id', '=', userId)
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Of these seekers (or all, without a list), those who blocked the company. */
export async function blockersOf(db: Db, companyId: number, seekerIds?: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('resume_blocked_companies')
    .select('user_id')
    .where('company_id', '=', companyId)
    .$if(seekerIds !== undefined, (q) => q.where('user_id', 'in', seekerIds!))
    .execute();
  return rows.map((row) => row.user_id);
}

export async function block(db: Db, userId: number, companyId: number, at: string) {
  await db
    .insertInto('resume_blocked_companies')
    .values({ user_id: userId, company_id: companyId, created_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'company_id']).doNothing())
    .execute();
}

export function unblock(db: Db, userId: number, companyId: number) {
  return db
    .deleteFrom('resume_blocked_companies')
    .where('user_id', '=', userId)
    .where('company_id', '=', companyId)
    .execute();
}

export function unblockAll(db: Db, userId: number) {
  return db.deleteFrom('resume_blocked_companies').where('user_id', '=', userId).execute();
}
