/**
 * SQL of Q&A imports. Rows are written with multi-row inserts, a statement per chunk of rows kept under
 * the parameter limit; equal-sized chunks give the same SQL text, so SQLite reuses the prepared statement
 * (src/platform/db/connection.ts) and PostgreSQL parses one shape.
 */
import type { Insertable } from 'kysely';
import { chunksOf } from '../../platform/db/chunks';
import type { InquiryDb as Db, InquiryTables } from '../tables';

// ---- what an import starts from -------------------------------------------------------------

export async function listTopicIds(db: Db) {
  return db.selectFrom('topics').select(['id', 'slug']).orderBy('position').execute();
}

/** Every question with what de-duplication needs; a merged duplicate counts as its target. */
export async function listQuestionKeys(db: Db) {
  return db.selectFrom('questions').select(['id', 'title', 'duplicate_of_id']).orderBy('id').execute();
}

export async function listAliasTexts(db: Db) {
  return db.selectFrom('question_aliases').select(['question_id', 'text']).orderBy('id').execute();
}

// ---- import runs ----------------------------------------------------------------------------

/** The run of this file from this source, created at line 0 if there is none (unique on source + hash). */
export async function findOrCreateRun(db: Db, source: string, fileHash: string, now: string) {
  await db
    .insertInto('import_runs')
    .values({
      source,
      file_hash: fileHash,
      lines_done: 0,
      finished: 0,
      summary_json: '{}',
      started_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['source', 'file_hash']).doNothing())
    .execute();
  return db
    .selectFrom('import_runs')
    .selectAll()
    .where('source', '=', source)
    .where('file_hash', '=', fileHash)
    .executeTakeFirstOrThrow();
}

/**
 * Written in the batch's own transaction, so lines_done never runs ahead of (or behind) what is stored. Only
 * from the line count this process last saw: false when another import of the same file moved it meanwhile
 * (on PostgreSQL the row lock makes the second writer wait and then see the new count).
 */
export async function advanceRun(
  db: Db,
  id: number,
  from: number,
  set: { lines_done: number; summary_json: string; finished: number; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('import_runs')
    .set(set)
    .where('id', '=', id)
    .where('lines_done', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- rows of a batch ------------------------------------------------------------------------

/** Returns each new id with its normalised title, which is unique within a batch (exact duplicates are skipped). */
export async function insertQuestions(db: Db, rows: Insertable<InquiryTables['questions']>[]) {
  const out: { id: number; normalised_title: string | null }[] = [];
  // Rows are matched back by a column rather than by position: neither engine promises RETURNING order.
  for (const chunk of chunksOf(rows))
    out.push(...(await db.insertInto('questions').values(chunk).returning(['id', 'normalised_title']).execute()));
  return out;
}

export async function insertAnswers(db: Db, rows: Insertable<InquiryTables['answers']>[]) {
  const out: { id: number; question_id: number }[] = [];
  for (const chunk of chunksOf(rows))
    out.push(...(await db.insertInto('answers').values(chunk).returning(['id', 'question_id']).execute()));
  return out;
}

export async function insertSteps(db: Db, rows: Insertable<InquiryTables['answer_steps']>[]) {
  for (const chunk of chunksOf(rows)) await db.insertInto('answer_steps').values(chunk).execute();
}

export async function insertCitations(db: Db, rows: Insertable<InquiryTables['answer_citations']>[]) {
  for (const chunk of chunksOf(rows)) await db.insertInto('answer_citations').values(chunk).execute();
}

export async function insertUnresolvedCitations(
  db: Db,
  rows: Insertable<InquiryTables['answer_unresolved_citations']>[],
) {
  for (const chunk of chunksOf(rows)) await db.insertInto('answer_unresolved_citations').values(chunk).execute();
}

export async function insertAliases(db: Db, rows: Insertable<InquiryTables['question_aliases']>[]) {
  for (const chunk of chunksOf(rows)) await db.insertInto('question_aliases').values(chunk).execute();
}

// ---- citations kept as text, waiting for their statute --------------------------------------

/** Ids in lists of 500, well under both engines' parameter limits. */
function idChunks(ids: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(ids.slice(i, i + 500));
  return out;
}

export async function listUnresolvedCitations(db: Db) {
  return db.selectFrom('answer_unresolved_citations').select(['id', 'answer_id', 'text']).orderBy('id').execute();
}

/** What each answer already cites (article and position), to append newly resolved citations after it. */
export async function listCitationsOfAnswers(db: Db, answerIds: number[]) {
  const out: {
    answer_id: number;
    article_id: number;
    paragraph: number | null;
    item: number | null;
    position: number;
  }[] = [];
  for (const chunk of idChunks(answerIds))
    out.push(
      ...(await db
        .selectFrom('answer_citations')
        .select(['answer_id', 'article_id', 'paragraph', 'item', 'position'])
        .where('answer_id', 'in', chunk)
        .execute()),
    );
  return out;
}

export async function deleteUnresolvedCitations(db: Db, ids: number[]) {
  for (const chunk of idChunks(ids))
    await db.deleteFrom('answer_unresolved_citations').where('id', 'in', chunk).execute();
}

export async function questionsOfAnswers(db: Db, answerIds: number[]) {
  const out: { id: number; question_id: number }[] = [];
  for (const chunk of idChunks(answerIds))
    out.push(...(await db.selectFrom('answers').select(['id', 'question_id']).where('id', 'in', chunk).execute()));
  return out;
}
