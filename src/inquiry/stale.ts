import { type Kysely, sql } from 'kysely';
import type { Viewer } from '../accounts/auth';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../web/errors';
import { recordRevision } from './revisions';
import type { QuestionSearch } from './search-service';
import type { InquiryService } from './service';
import { questionPath } from './slug';

/**
 * Answers whose law changed under them: a cited article was amended or removed by a newer statute
 * version (flagged 'law-amended' by StatuteService.importVersions). Editors compare the old and new
 * text and re-verify, edit (the revision editor) or unpublish.
 */
export function createStaleAnswerService(
  db: Kysely<Database>,
  deps: { search: QuestionSearch; inquiry: InquiryService },
  now: () => Date = () => new Date(),
) {
  async function staleCitations(answerIds?: number[]) {
    let query = db
      .selectFrom('answers as a')
      .innerJoin('questions as q', 'q.id', 'a.question_id')
      .innerJoin('answer_citations as c', 'c.answer_id', 'a.id')
      .innerJoin('articles as old', 'old.id', 'c.article_id')
      .innerJoin('statute_versions as v', 'v.id', 'old.statute_version_id')
      .innerJoin('statutes as s', 's.id', 'v.statute_id')
      .leftJoin('statute_versions as cv', (join) =>
        join.onRef('cv.statute_id', '=', 's.id').on('cv.is_current', '=', 1),
      )
      .leftJoin('articles as cur', (join) =>
        join.onRef('cur.statute_version_id', '=', 'cv.id').onRef('cur.number', '=', 'old.number'),
      )
      .select([
        'a.id as answer_id',
        'a.flagged_at',
        'q.id as question_id',
        'q.slug',
        'q.title',
        'c.id as citation_id',
        'old.number',
        'old.text_zh as old_text',
        'v.version_date as old_date',
        's.short_title_en',
        's.slug as statute_slug',
        'cur.id as current_article_id',
        'cur.text_zh as new_text',
        'cv.version_date as new_date',
      ])
      .where('a.review_flag', '=', 'law-amended')
      .where('a.status', '=', 'published')
      .where('v.is_current', '=', 0);
    if (answerIds) query = query.where('a.id', 'in', answerIds);
    return query.orderBy('a.flagged_at').orderBy('a.id').orderBy('c.position').execute();
  }

  async function finish(_answerId: number, questionId: number) {
    deps.inquiry.forgetQuestion(questionId);
    await db.transaction().execute((trx) => deps.search.reindexQuestions(trx, [questionId]));
    return {
      path: questionPath(
        questionId,
        (await db.selectFrom('questions').select('slug').where('id', '=', questionId).executeTakeFirst())?.slug ?? '',
      ),
    };
  }

  return {
    /** Flagged answers, each with its citations of superseded articles: old text next to the text in force. */
    async list() {
      const rows = await staleCitations();
      const answers = new Map<
        number,
        {
          answerId: number;
          questionId: number;
          title: string;
          path: string;
          flaggedAt: string | null;
          citations: typeof rows;
        }
      >();
      for (const row of rows) {
        const entry = answers.get(row.answer_id) ?? {
          answerId: row.answer_id,
          questionId: row.question_id,
          title: row.title,
          path: questionPath(row.question_id, row.slug),
          flaggedAt: row.flagged_at,
          citations: [],
        };
        entry.citations.push(row);
        answers.set(row.answer_id, entry);
      }
      return [...answers.values()];
    },

    /** The editor checked the answer against the amended law: its citations move to the articles in force. */
    async reverify(editor: Viewer, answerId: number) {
      const rows = await staleCitations([answerId]);
      const answer = await db
        .selectFrom('answers')
        .select(['id', 'question_id', 'review_flag'])
        .where('id', '=', answerId)
        .executeTakeFirst();
      if (answer?.review_flag !== 'law-amended') throw notFound(`No answer ${answerId} waiting for re-verification`);
      const gone = rows.filter((r) => r.current_article_id === null);
      if (gone.length > 0) {
        throw new AppError(
          'CONFLICT',
          `${gone.map((r) => `${r.short_title_en}, Article ${r.number}`).join('; ')} no longer exists: edit the answer to cite the law in force`,
        );
      }
      const at = now();
      await db.transaction().execute(async (trx) => {
        for (const row of rows)
          await trx
            .updateTable('answer_citations')
            .set({ article_id: row.current_article_id! })
            .where('id', '=', row.citation_id)
            .execute();
        await trx
          .updateTable('answers')
          .set({
            review_flag: null,
            flagged_at: null,
            verified_on: at.toISOString().slice(0, 10),
            updated_at: at.toISOString(),
          })
          .where('id', '=', answerId)
          .execute();
        await recordRevision(trx, answerId, editor.id, 'Re-verified against the amended law', at);
      });
      return finish(answerId, answer.question_id);
    },

    /** Imported answers no editor has looked at yet, oldest first. */
    async listImported(limit = 50) {
      const rows = await db
        .selectFrom('answers as a')
        .innerJoin('questions as q', 'q.id', 'a.question_id')
        .select(['a.id as answer_id', 'a.author_label', 'a.flagged_at', 'q.id as question_id', 'q.slug', 'q.title'])
        .where('a.review_flag', '=', 'imported-unreviewed')
        .where('a.status', '=', 'published')
        .orderBy('a.flagged_at')
        .orderBy('a.id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        answerId: r.answer_id,
        source: r.author_label,
        title: r.title,
        path: questionPath(r.question_id, r.slug),
      }));
    },

    /** An editor read an imported answer and keeps it: the "unreviewed" label goes. */
    async markReviewed(editor: Viewer, answerId: number) {
      const answer = await db
        .selectFrom('answers')
        .select(['id', 'question_id', 'review_flag'])
        .where('id', '=', answerId)
        .executeTakeFirst();
      if (answer?.review_flag !== 'imported-unreviewed')
        throw notFound(`No imported answer ${answerId} waiting for review`);
      const at = now();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('answers')
          .set({ review_flag: null, flagged_at: null, updated_at: at.toISOString() })
          .where('id', '=', answerId)
          .execute();
        await recordRevision(trx, answerId, editor.id, 'Reviewed after import', at);
      });
      return finish(answerId, answer.question_id);
    },

    /** Takes the answer off the site; the question waits for a new answer if it has no other. */
    async unpublish(_editor: Viewer, answerId: number) {
      const answer = await db
        .selectFrom('answers')
        .select(['id', 'question_id', 'status'])
        .where('id', '=', answerId)
        .executeTakeFirst();
      if (answer?.status !== 'published') throw notFound(`No published answer ${answerId}`);
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('answers')
          .set({ status: 'draft', review_flag: null, flagged_at: null, updated_at: at })
          .where('id', '=', answerId)
          .execute();
        await trx
          .updateTable('questions')
          .set({ status: 'awaiting', updated_at: at })
          .where('id', '=', answer.question_id)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('answers')
                  .select(sql`1`.as('one'))
                  .where('question_id', '=', answer.question_id)
                  .where('status', '=', 'published'),
              ),
            ),
          )
          .execute();
      });
      return finish(answerId, answer.question_id);
    },
  };
}

export type StaleAnswerService = ReturnType<typeof createStaleAnswerService>;
