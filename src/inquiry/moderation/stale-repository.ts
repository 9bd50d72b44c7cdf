/** SQL of answers flagged for an editor: law amended under them, or imported and not reviewed yet. */
import { sql } from 'kysely';
import type { InquiryDb as Db } from '../tables';

/** The citations of published answers flagged 'law-amended' (all, or of some answers), oldest flag first. */
export async function listFlaggedCitations(db: Db, answerIds?: number[]) {
  let query = db
    .selectFrom('answers as a')
    .innerJoin('questions as q', 'q.id', 'a.question_id')
    .innerJoin('answer_citations as c', 'c.answer_id', 'a.id')
    .select([
      'a.id as answer_id',
      'a.flagged_at',
      'q.id as question_id',
      'q.slug',
      'q.title',
      'q.locale',
      'c.id as citation_id',
      'c.article_id',
      'c.citation_text',
    ])
    .where('a.review_flag', '=', 'law-amended')
    .where('a.status', '=', 'published');
  if (answerIds) query = query.where('a.id', 'in', answerIds);
  return query.orderBy('a.flagged_at').orderBy('a.id').orderBy('c.position').execute();
}

export async function findAnswerState(db: Db, answerId: number) {
  return db
    .selectFrom('answers')
    .select(['id', 'question_id', 'status', 'review_flag'])
    .where('id', '=', answerId)
    .executeTakeFirst();
}

export async function pointCitationAt(db: Db, citationId: number, articleId: number) {
  await db.updateTable('answer_citations').set({ article_id: articleId }).where('id', '=', citationId).execute();
}

export async function markReverified(db: Db, answerId: number, at: Date) {
  await db
    .updateTable('answers')
    .set({
      review_flag: null,
      flagged_at: null,
      verified_on: at.toISOString().slice(0, 10),
      updated_at: at.toISOString(),
    })
    .where('id', '=', answerId)
    .execute();
}

export async function markReviewed(db: Db, answerId: number, at: string) {
  await db
    .updateTable('answers')
    .set({ review_flag: null, flagged_at: null, updated_at: at })
    .where('id', '=', answerId)
    .execute();
}

export async function listImported(db: Db, limit: number) {
  return db
    .selectFrom('answers as a')
    .innerJoin('questions as q', 'q.id', 'a.question_id')
    .select([
      'a.id as answer_id',
      'a.author_label',
      'a.flagged_at',
      'q.id as question_id',
      'q.slug',
      'q.title',
      'q.locale',
    ])
    .where('a.review_flag', '=', 'imported-unreviewed')
    .where('a.status', '=', 'published')
    .orderBy('a.flagged_at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

/** Takes the answer off the site; its question waits for an answer again if it has no other published one. */
export async function unpublishAnswer(db: Db, answerId: number, questionId: number, at: string) {
  await db
    .updateTable('answers')
    .set({ status: 'draft', review_flag: null, flagged_at: null, updated_at: at })
    .where('id', '=', answerId)
    .execute();
  await db
    .updateTable('questions')
    .set({ status: 'awaiting', updated_at: at })
    .where('id', '=', questionId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('answers')
            .select(sql`1`.as('one'))
            .where('question_id', '=', questionId)
            .where('status', '=', 'published'),
        ),
      ),
    )
    .execute();
}

export async function findQuestionSlug(db: Db, questionId: number) {
  return (await db.selectFrom('questions').select('slug').where('id', '=', questionId).executeTakeFirst())?.slug;
}

// ---- told by statutes: articles amended (amendments.ts) -----------------------------------

/** Points citations of an unchanged article at the same article of the new version. */
export async function repointCitations(db: Db, pairs: { from: number; to: number }[]) {
  for (const { from, to } of pairs) {
    await db.updateTable('answer_citations').set({ article_id: to }).where('article_id', '=', from).execute();
  }
}

/** Flags the published answers that cite any of these (changed or removed) articles; returns how many. */
export async function flagAnswersCiting(db: Db, articleIds: number[], flaggedAt: string): Promise<number> {
  let flagged = 0;
  for (let i = 0; i < articleIds.length; i += 500) {
    const chunk = articleIds.slice(i, i + 500);
    const result = await db
      .updateTable('answers')
      .set({ review_flag: 'law-amended', flagged_at: flaggedAt })
      .where('status', '=', 'published')
      .where('id', 'in', (eb) => eb.selectFrom('answer_citations').select('answer_id').where('article_id', 'in', chunk))
      .executeTakeFirst();
    flagged += Number(result.numUpdatedRows);
  }
  return flagged;
}

/** Published questions whose answers cite these articles, for the article page. */
export async function listQuestionsCiting(db: Db, articleIds: number[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('answer_citations as c')
    .innerJoin('answers as an', 'an.id', 'c.answer_id')
    .innerJoin('questions as q', 'q.id', 'an.question_id')
    .select(['q.id', 'q.slug', 'q.title', 'q.locale'])
    .distinct()
    .where('c.article_id', 'in', articleIds)
    .where('an.status', '=', 'published')
    .orderBy('q.id')
    .execute();
}
