/** SQL of the answering workflow: the queue, questions being answered, answers by author and in review. */
import type { InquiryDb as Db } from '../tables';

/** Questions waiting for an answer: none published, none waiting for review. Oldest first. */
export async function listQueue(db: Db, filter: { topicId?: number; regionCode?: string }, limit: number) {
  let query = db
    .selectFrom('questions as q')
    .innerJoin('topics as t', 't.id', 'q.topic_id')
    .select([
      'q.id',
      'q.slug',
      'q.title',
      'q.locale',
      'q.created_at',
      'q.region_code',
      't.title_en as topic_title_en',
      't.title_zh as topic_title_zh',
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
    .select(['a.id', 'a.updated_at', 'a.author_id', 'q.id as question_id', 'q.title'])
    .where('a.status', '=', 'submitted')
    .orderBy('a.updated_at')
    .execute();
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
      'q.asker_id',
      'q.duplicate_of_id',
      't.title_en as topic_title',
    ])
    .where('q.id', '=', id)
    .executeTakeFirst();
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
