import type { Viewer } from '../../accounts';
import { Conflict, NotFound } from '../../platform/web/errors';
import type { InquiryContext } from '../deps';
import type { QuestionService } from '../questions/service';
import { questionPath } from '../questions/slug';
import { diffWords } from '../revisions/diff';
import { recordRevision, SYSTEM_NOTES } from '../revisions/record';
import type { QuestionSearch } from '../search/service';
import * as repo from './stale-repository';

/**
 * Answers whose law changed under them: a cited article was amended or removed by a newer statute
 * version (flagged 'law-amended' through amendments.ts). Editors compare the old and new text and
 * re-verify, edit (the revision editor) or unpublish. Also imported answers waiting for an editor.
 */
export function createStaleAnswerService(
  ctx: InquiryContext,
  deps: { search: QuestionSearch; questions: Pick<QuestionService, 'forgetQuestion'> },
) {
  const { db, statutes, now } = ctx;

  /** Flagged answers' citations of superseded articles: the cited text next to the text in force, if any. */
  async function staleCitations(answerIds?: number[]) {
    const rows = await repo.listFlaggedCitations(db, answerIds);
    const oldIds = rows.map((r) => r.article_id);
    const [cited, successors] = await Promise.all([
      statutes.describeArticles(oldIds),
      statutes.successorsInForce(oldIds),
    ]);
    const current = await statutes.describeArticles([...successors.values()].flat().map((s) => s.articleId));
    return rows.flatMap((row) => {
      const old = cited.get(row.article_id);
      // Citations already pointing at the version in force are not stale.
      if (!old || old.inForce) return [];
      // The article that now carries the cited rule (found by text, so a renumbered article is followed), and
      // for a split rule the other articles that carry part of it.
      const [best, ...others] = successors.get(row.article_id) ?? [];
      const now = current.get(best?.articleId ?? 0);
      return [
        {
          answer_id: row.answer_id,
          flagged_at: row.flagged_at,
          question_id: row.question_id,
          slug: row.slug,
          title: row.title,
          locale: row.locale,
          citation_id: row.citation_id,
          citation_text: row.citation_text,
          statute: old.statute,
          article: { number: old.number, label: old.label },
          old_text: old.text,
          old_date: old.versionDate,
          current_article_id: now?.id ?? null,
          new_text: now?.text ?? null,
          new_date: now?.versionDate ?? null,
          new_article: now ? { number: now.number, label: now.label } : null,
          change: best?.kind ?? ('removed' as const),
          // The words that changed, marked (deleted and inserted) for the editor.
          diff: now ? diffWords(old.text, now.text) : null,
          also: others.flatMap((o) => {
            const a = current.get(o.articleId);
            return a ? [{ number: a.number, label: a.label }] : [];
          }),
        },
      ];
    });
  }

  async function finish(questionId: number) {
    deps.questions.forgetQuestion(questionId);
    await db.transaction().execute((trx) => deps.search.reindexQuestions(trx, [questionId]));
    return { path: questionPath(questionId, (await repo.findQuestionSlug(db, questionId)) ?? '') };
  }

  return {
    /** Flagged answers, each with its citations of superseded articles: old text next to the text in force. */
    async list() {
      const rows = await staleCitations();
      type Entry = {
        answerId: number;
        questionId: number;
        title: string;
        locale: 'en' | 'zh';
        path: string;
        flaggedAt: string | null;
        citations: typeof rows;
      };
      const answers = new Map<number, Entry>();
      for (const row of rows) {
        const entry = answers.get(row.answer_id) ?? {
          answerId: row.answer_id,
          questionId: row.question_id,
          title: row.title,
          locale: row.locale,
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
      const answer = await repo.findAnswerState(db, answerId);
      if (answer?.review_flag !== 'law-amended') throw new NotFound('error.stale.notWaiting', { id: answerId });
      const gone = rows.filter((r) => r.current_article_id === null);
      if (gone.length > 0) {
        // Each citation named as the answer wrote it: the line of its legal basis the editor has to change.
        const details = gone.map((r) => ({
          field: 'form',
          key: 'error.stale.articleGoneCitation' as const,
          params: { citation: r.citation_text },
        }));
        throw new Conflict('error.stale.articleGone', { count: gone.length }, details);
      }
      const at = now();
      await db.transaction().execute(async (trx) => {
        for (const row of rows) await repo.pointCitationAt(trx, row.citation_id, row.current_article_id!);
        await repo.markReverified(trx, answerId, at);
        await recordRevision(trx, statutes, answerId, editor.id, SYSTEM_NOTES.reverified, at);
      });
      return finish(answer.question_id);
    },

    /** Imported answers no editor has looked at yet, oldest first. */
    async listImported(limit = 50) {
      const rows = await repo.listImported(db, limit);
      return rows.map((r) => ({
        answerId: r.answer_id,
        source: r.author_label,
        title: r.title,
        locale: r.locale,
        path: questionPath(r.question_id, r.slug),
      }));
    },

    /** An editor read an imported answer and keeps it: the "unreviewed" label goes. */
    async markReviewed(editor: Viewer, answerId: number) {
      const answer = await repo.findAnswerState(db, answerId);
      if (answer?.review_flag !== 'imported-unreviewed') {
        throw new NotFound('error.imported.notWaiting', { id: answerId });
      }
      const at = now();
      await db.transaction().execute(async (trx) => {
        await repo.markReviewed(trx, answerId, at.toISOString());
        await recordRevision(trx, statutes, answerId, editor.id, SYSTEM_NOTES.reviewedAfterImport, at);
      });
      return finish(answer.question_id);
    },

    /** Takes the answer off the site; the question waits for a new answer if it has no other. */
    async unpublish(_editor: Viewer, answerId: number) {
      const answer = await repo.findAnswerState(db, answerId);
      if (answer?.status !== 'published') throw new NotFound('error.answer.notPublished', { id: answerId });
      await db
        .transaction()
        .execute((trx) => repo.unpublishAnswer(trx, answerId, answer.question_id, now().toISOString()));
      return finish(answer.question_id);
    },
  };
}

export type StaleAnswerService = ReturnType<typeof createStaleAnswerService>;
