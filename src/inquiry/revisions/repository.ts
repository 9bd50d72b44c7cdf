import type { Insertable } from 'kysely';
import type { InquiryDb as Db, InquiryTables } from '../tables';

// ---- revisions of published answers (service.ts, record.ts) --------------------------------

/**
 * Writes the answer row first thing in a revision's transaction: on PostgreSQL that takes the row lock,
 * so two editors saving one answer at once are numbered one after the other instead of both reading the
 * same max(revision) and colliding on the unique (answer_id, revision). SQLite runs one writer anyway.
 */
export async function touchAnswer(db: Db, answerId: number, updatedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('answers')
    .set({ updated_at: updatedAt })
    .where('id', '=', answerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function lastRevisionNumber(db: Db, answerId: number): Promise<number> {
  const row = await db
    .selectFrom('answer_revisions')
    .select((eb) => eb.fn.max('revision').as('last'))
    .where('answer_id', '=', answerId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

export async function insertRevision(db: Db, revision: Insertable<InquiryTables['answer_revisions']>) {
  await db.insertInto('answer_revisions').values(revision).execute();
}

/** Revisions of the answers, oldest first per answer (the diff walks forward), with the editor's id. */
export async function listRevisions(db: Db, answerIds: number[]) {
  if (answerIds.length === 0) return [];
  return db
    .selectFrom('answer_revisions as rv')
    .select([
      'rv.answer_id',
      'rv.revision',
      'rv.analysis_md',
      'rv.steps_json',
      'rv.citations_json',
      'rv.region_code',
      'rv.verified_on',
      'rv.note',
      'rv.created_at',
      'rv.editor_id',
    ])
    .where('rv.answer_id', 'in', answerIds)
    .orderBy('rv.answer_id')
    .orderBy('rv.revision')
    .execute();
}
