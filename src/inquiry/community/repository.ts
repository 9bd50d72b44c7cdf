/** SQL of votes, follows and accepted answers. */
import type { InquiryDb as Db } from '../tables';

/** True when the vote is new. */
export async function addVote(db: Db, answerId: number, userId: number, createdAt: string): Promise<boolean> {
  const result = await db
    .insertInto('answer_votes')
    .values({ answer_id: answerId, user_id: userId, created_at: createdAt })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function recountVotes(db: Db, answerId: number) {
  const row = await db
    .selectFrom('answer_votes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('answer_id', '=', answerId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('answers')
    .set({ helpful_count: Number(row.n) })
    .where('id', '=', answerId)
    .execute();
}

/** One accepted answer per question; call inside a transaction so no reader sees none or two. */
export async function acceptAnswer(db: Db, questionId: number, answerId: number) {
  await db.updateTable('answers').set({ accepted: 0 }).where('question_id', '=', questionId).execute();
  await db.updateTable('answers').set({ accepted: 1 }).where('id', '=', answerId).execute();
}

export async function findAsker(db: Db, questionId: number): Promise<number | null> {
  const row = await db.selectFrom('questions').select('asker_id').where('id', '=', questionId).executeTakeFirst();
  return row?.asker_id ?? null;
}

export async function addFollower(db: Db, answerId: number, userId: number) {
  await db
    .insertInto('answer_follows')
    .values({ answer_id: answerId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function listFollowers(db: Db, answerId: number): Promise<number[]> {
  const rows = await db.selectFrom('answer_follows').select('user_id').where('answer_id', '=', answerId).execute();
  return rows.map((r) => r.user_id);
}
