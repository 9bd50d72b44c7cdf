import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { AnswerStatus } from './tables';

type Db = Kysely<Database> | Transaction<Database>;

/** Questions waiting for an answer: none published, none waiting for review. Oldest first. */
export async function listQueue(db: Db, filter: { topicId?: number; regionCode?: string }, limit: number) {
  let query = db
    .selectFrom('questions as q')
    .innerJoin('topics as t', 't.id', 'q.topic_id')
    .innerJoin('regions as r', 'r.code', 'q.region_code')
    .select([
      'q.id',
      'q.slug',
      'q.title',
      'q.created_at',
      'q.region_code',
      'r.name_en as region_name',
      't.title_en as topic_title',
    ])
    .where('q.status', '=', 'awaiting')
    .where('q.duplicate_of_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('answers as a')
            .select('a.id')
            .whereRef('a.question_id', '=', 'q.id')
            .where('a.status', 'in', ['submitted', 'published']),
        ),
      ),
    );
  if (filter.topicId !== undefined) query = query.where('q.topic_id', '=', filter.topicId);
  if (filter.regionCode) query = query.where('q.region_code', '=', filter.regionCode);
  return query.orderBy('q.created_at').orderBy('q.id').limit(limit).execute();
}

export async function listAnswersByAuthor(db: Db, authorId: number) {
  return db
    .selectFrom('answers as a')
    .innerJoin('questions as q', 'q.id', 'a.question_id')
    .select(['a.id', 'a.status', 'a.review_note', 'a.updated_at', 'q.id as question_id', 'q.title'])
    .where('a.author_id', '=', authorId)
    .where('a.status', 'in', ['submitted', 'rejected'])
    .orderBy('a.updated_at', 'desc')
    .execute();
}

export async function listSubmittedAnswers(db: Db) {
  return db
    .selectFrom('answers as a')
    .innerJoin('questions as q', 'q.id', 'a.question_id')
    .leftJoin('users as u', 'u.id', 'a.author_id')
    .select(['a.id', 'a.updated_at', 'q.id as question_id', 'q.title', 'u.display_name as author_name'])
    .where('a.status', '=', 'submitted')
    .orderBy('a.updated_at')
    .execute();
}

export async function findAnswer(db: Db, id: number) {
  return db.selectFrom('answers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findQuestionForAnswering(db: Db, id: number) {
  return db
    .selectFrom('questions as q')
    .innerJoin('topics as t', 't.id', 'q.topic_id')
    .select([
      'q.id',
      'q.slug',
      'q.title',
      'q.details',
      'q.status',
      'q.region_code',
      'q.locale',
      't.title_en as topic_title',
    ])
    .where('q.id', '=', id)
    .executeTakeFirst();
}

export async function setAnswerStatus(
  db: Db,
  id: number,
  change: { status: AnswerStatus; review_note?: string | null; published_at?: string | null; updated_at: string },
) {
  await db.updateTable('answers').set(change).where('id', '=', id).execute();
}

export async function updateAnswerContent(
  db: Db,
  id: number,
  content: {
    analysis_md: string;
    analysis_html: string;
    region_code: string;
    verified_on: string;
    status: AnswerStatus;
    review_note: null;
    updated_at: string;
  },
) {
  await db.updateTable('answers').set(content).where('id', '=', id).execute();
  await db.deleteFrom('answer_steps').where('answer_id', '=', id).execute();
  await db.deleteFrom('answer_citations').where('answer_id', '=', id).execute();
}

export async function setQuestionStatus(db: Db, id: number, status: 'answered' | 'awaiting', updatedAt: string) {
  await db.updateTable('questions').set({ status, updated_at: updatedAt }).where('id', '=', id).execute();
}

export async function countQuestionsAskedSince(db: Db, askerId: number, since: string) {
  const row = await db
    .selectFrom('questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('asker_id', '=', askerId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setAsker(db: Db, questionId: number, askerId: number, anonymous: boolean) {
  await db
    .updateTable('questions')
    .set({ asker_id: askerId, anonymous: anonymous ? 1 : 0 })
    .where('id', '=', questionId)
    .execute();
}

export async function findAsker(db: Db, questionId: number): Promise<number | null> {
  const row = await db.selectFrom('questions').select('asker_id').where('id', '=', questionId).executeTakeFirst();
  return row?.asker_id ?? null;
}

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
