/**
 * SQL of answers and their content (steps, citations as stored): read by the question page, search documents,
 * revisions, review and moderation alike. Every function takes inquiry's database or a transaction first.
 */
import type { Insertable } from 'kysely';
import type { AnswerStatus, AnswerTable, InquiryDb as Db, StepChannel } from '../tables';

export async function listPublishedAnswers(db: Db, questionIds: number[]) {
  if (questionIds.length === 0) return [];
  return (
    db
      .selectFrom('answers as a')
      .select([
        'a.id',
        'a.question_id',
        'a.analysis_md',
        'a.analysis_html',
        'a.background_md',
        'a.background_html',
        'a.region_code',
        'a.verified_on',
        'a.author_label',
        'a.published_at',
        'a.updated_at',
        'a.accepted',
        'a.helpful_count',
        'a.review_flag',
      ])
      .where('a.question_id', 'in', questionIds)
      .where('a.status', '=', 'published')
      // The asker's accepted answer first, then the most helpful, then the oldest.
      .orderBy('a.accepted', 'desc')
      .orderBy('a.helpful_count', 'desc')
      .orderBy('a.published_at')
      .orderBy('a.id')
      .execute()
  );
}

export async function listSteps(db: Db, answerIds: number[]) {
  if (answerIds.length === 0) return [];
  return db
    .selectFrom('answer_steps')
    .select(['answer_id', 'position', 'action', 'materials', 'channel', 'location', 'duration'])
    .where('answer_id', 'in', answerIds)
    .orderBy('answer_id')
    .orderBy('position')
    .execute();
}

/** Citations as stored: the article each points at (statutes describe it), in the answer's order. */
export async function listCitations(db: Db, answerIds: number[]) {
  if (answerIds.length === 0) return [];
  return db
    .selectFrom('answer_citations')
    .select(['id', 'answer_id', 'position', 'article_id', 'paragraph', 'item', 'citation_text'])
    .where('answer_id', 'in', answerIds)
    .orderBy('answer_id')
    .orderBy('position')
    .execute();
}

export type CitationRow = Awaited<ReturnType<typeof listCitations>>[number];

export async function findAnswer(db: Db, id: number) {
  return db.selectFrom('answers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A new answer: its row as the table takes it (updated_at starts as created_at). */
export async function insertAnswer(
  db: Db,
  answer: Omit<Insertable<AnswerTable>, 'updated_at'> & { created_at: string },
) {
  const row = await db
    .insertInto('answers')
    .values({ ...answer, updated_at: answer.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StepValues {
  action: string;
  materials: string;
  channel: StepChannel;
  location: string;
  duration: string;
}

export async function insertSteps(db: Db, answerId: number, steps: StepValues[]) {
  if (steps.length === 0) return;
  await db
    .insertInto('answer_steps')
    .values(steps.map((s, i) => ({ ...s, answer_id: answerId, position: i + 1 })))
    .execute();
}

export interface CitationValues {
  article_id: number;
  paragraph: number | null;
  item: number | null;
  citation_text: string;
}

export async function insertCitations(db: Db, answerId: number, citations: CitationValues[]) {
  if (citations.length === 0) return;
  await db
    .insertInto('answer_citations')
    .values(citations.map((c, i) => ({ ...c, answer_id: answerId, position: i + 1 })))
    .execute();
}

export async function setAnswerStatus(
  db: Db,
  id: number,
  change: { status: AnswerStatus; review_note?: string | null; published_at?: string | null; updated_at: string },
) {
  await db.updateTable('answers').set(change).where('id', '=', id).execute();
}

/** New content for an answer: its row, and its steps and citations removed (the caller inserts the new ones). */
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

/** Clears or sets why an editor must look at a published answer. */
export async function setReviewFlag(
  db: Db,
  answerIds: number[],
  flag: 'law-amended' | 'imported-unreviewed' | null,
  at: string | null,
) {
  if (answerIds.length === 0) return;
  await db.updateTable('answers').set({ review_flag: flag, flagged_at: at }).where('id', 'in', answerIds).execute();
}
