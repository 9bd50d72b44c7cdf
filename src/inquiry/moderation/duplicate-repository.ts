import type { InquiryDb as Db } from '../tables';

// ---- duplicate questions (duplicates.ts) ---------------------------------------------------

/**
 * Where a duplicate question redirects: its target's id and slug, or undefined for a question that is
 * not a duplicate. Targets are never duplicates themselves (markDuplicate re-points chains), so one hop.
 */
export async function findDuplicateTarget(db: Db, questionId: number) {
  return db
    .selectFrom('questions as q')
    .innerJoin('questions as target', 'target.id', 'q.duplicate_of_id')
    .select(['target.id', 'target.slug'])
    .where('q.id', '=', questionId)
    .executeTakeFirst();
}

export async function findQuestionForMerge(db: Db, id: number) {
  return db
    .selectFrom('questions')
    .select(['id', 'slug', 'title', 'details', 'locale', 'duplicate_of_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setDuplicateOf(db: Db, questionId: number, targetId: number, updatedAt: string) {
  await db
    .updateTable('questions')
    .set({ duplicate_of_id: targetId, updated_at: updatedAt })
    .where('id', '=', questionId)
    .execute();
}

/** Questions already merged into `fromId` follow it to `toId`; returns their ids (their cached pages change). */
export async function repointDuplicates(db: Db, fromId: number, toId: number, updatedAt: string): Promise<number[]> {
  const rows = await db.selectFrom('questions').select('id').where('duplicate_of_id', '=', fromId).execute();
  if (rows.length === 0) return [];
  await db
    .updateTable('questions')
    .set({ duplicate_of_id: toId, updated_at: updatedAt })
    .where('duplicate_of_id', '=', fromId)
    .execute();
  return rows.map((r) => r.id);
}

export async function moveAliases(db: Db, fromId: number, toId: number) {
  await db.updateTable('question_aliases').set({ question_id: toId }).where('question_id', '=', fromId).execute();
}

/**
 * Writes both question rows first in a merge's transaction: on PostgreSQL the row locks make two
 * editors merging A into B and B into A at once run one after the other, so the second sees the first
 * and refuses the circle. (One statement; rows are locked in index order, the same for both.)
 */
export async function touchQuestions(db: Db, ids: number[], updatedAt: string) {
  if (ids.length === 0) return;
  await db.updateTable('questions').set({ updated_at: updatedAt }).where('id', 'in', ids).execute();
}
