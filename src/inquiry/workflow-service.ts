import type { Kysely } from 'kysely';
import type { Viewer } from '../accounts/auth';
import type { Database } from '../db/schema';
import type { StatuteService } from '../statutes/service';
import { AppError, invalid, notFound } from '../web/errors';
import { renderMarkdown } from '../web/markdown';
import { t } from '../web/messages';
import type { NotificationService } from './notifications';
import * as repo from './repository';
import { recordRevision } from './revisions';
import { type AnswerInput, answerInputSchema } from './schemas';
import type { QuestionSearch } from './search-service';
import { type InquiryService, resolveAll } from './service';
import { questionPath, slugify } from './slug';
import * as flow from './workflow-repository';

/** How many questions one person may ask per hour (per-IP limits are the route's). */
export const QUESTIONS_PER_HOUR = 5;
export const QUEUE_SIZE = 50;

export interface AskInput {
  title: string;
  details: string;
  topic: string;
  region: string;
  anonymous: boolean;
}

/**
 * The living part of the inquiry center: people ask, experts answer in the structured form,
 * editors approve or send answers back. Every write re-indexes search in its own transaction.
 */
export function createWorkflowService(
  db: Kysely<Database>,
  deps: {
    statutes: StatuteService;
    search: QuestionSearch;
    inquiry: InquiryService;
    notifications: NotificationService;
  },
  now: () => Date = () => new Date(),
) {
  const { statutes, search, inquiry, notifications } = deps;

  async function saveAnswerContent(
    trx: Parameters<QuestionSearch['reindexQuestions']>[0],
    answerId: number,
    answer: ReturnType<typeof answerInputSchema.parse>,
    citations: Awaited<ReturnType<typeof resolveAll>>,
  ) {
    await repo.insertSteps(
      trx,
      answerId,
      answer.steps.map((s) => ({
        action: s.action,
        materials: s.materials,
        channel: s.channel,
        location: s.where,
        duration: s.duration,
      })),
    );
    await repo.insertCitations(
      trx,
      answerId,
      citations.map((c) => ({ article_id: c.article.id, paragraph: c.paragraph, item: c.item, citation_text: c.raw })),
    );
  }

  async function answerPath(questionId: number, answerId: number) {
    const question = await flow.findQuestionForAnswering(db, questionId);
    return question ? `${questionPath(question.id, question.slug)}#a${answerId}` : '/social-security';
  }

  return {
    async askQuestion(viewer: Viewer, input: AskInput) {
      const topic = await repo.findTopicBySlug(db, input.topic);
      if (!topic) throw invalid('Choose a topic', [{ field: 'topic', message: 'unknown topic' }]);
      if (!(await repo.findRegion(db, input.region)))
        throw invalid('Choose a region', [{ field: 'region', message: 'unknown region' }]);
      const hourAgo = new Date(now().getTime() - 3_600_000).toISOString();
      if ((await flow.countQuestionsAskedSince(db, viewer.id, hourAgo)) >= QUESTIONS_PER_HOUR) {
        throw new AppError(
          'RATE_LIMITED',
          `You can ask ${QUESTIONS_PER_HOUR} questions an hour; please try again later.`,
        );
      }
      const createdAt = now().toISOString();
      const locale = /\p{Script=Han}/u.test(input.title) ? 'zh' : 'en';
      const id = await db.transaction().execute(async (trx) => {
        const questionId = await repo.insertQuestion(trx, {
          topic_id: topic.id,
          slug: slugify(input.title),
          locale,
          title: input.title,
          details: input.details,
          status: 'awaiting',
          origin: 'user',
          source_key: null,
          translation_of_id: null,
          region_code: input.region,
          created_at: createdAt,
        });
        await flow.setAsker(trx, questionId, viewer.id, input.anonymous);
        await search.reindexQuestions(trx, [questionId]);
        return questionId;
      });
      return { id, path: questionPath(id, slugify(input.title)) };
    },

    /** Existing questions like the one being asked, so people find an answer before asking again. */
    async similarQuestions(title: string) {
      if (!title.trim()) return [];
      const found = await search.search({ q: title, page: 1 });
      return found.results.slice(0, 5).map((r) => ({ id: r.id, title: r.title, url: r.url }));
    },

    async queue(filter: { topic?: string; region?: string }) {
      const topic = filter.topic ? await repo.findTopicBySlug(db, filter.topic) : undefined;
      const rows = await flow.listQueue(db, { topicId: topic?.id, regionCode: filter.region }, QUEUE_SIZE);
      return rows.map((r) => ({ ...r, path: questionPath(r.id, r.slug) }));
    },

    myAnswers: (viewer: Viewer) => flow.listAnswersByAuthor(db, viewer.id),

    async questionToAnswer(questionId: number) {
      const question = await flow.findQuestionForAnswering(db, questionId);
      if (!question) throw notFound(`No question ${questionId}`);
      const suggestions = await statutes.suggestArticles(`${question.title}\n${question.details}`, 6);
      return { ...question, path: questionPath(question.id, question.slug), suggestions };
    },

    /** Resolves what an expert typed, for the editor's live or server-side preview. */
    async preview(input: { analysis: string; citations: string[] }) {
      const resolutions = await Promise.all(input.citations.map((text) => statutes.resolveCitations(text)));
      return {
        analysisHtml: renderMarkdown(input.analysis),
        citations: input.citations.map((text, i) => ({ text, resolutions: resolutions[i] })),
      };
    },

    /** A new answer, or a rejected one revised, goes to the editors' review queue. */
    async submitAnswer(viewer: Viewer, questionId: number, input: Omit<AnswerInput, 'authorLabel'>, answerId?: number) {
      const answer = answerInputSchema.parse({ ...input, authorLabel: viewer.displayName });
      const question = await flow.findQuestionForAnswering(db, questionId);
      if (!question) throw notFound(`No question ${questionId}`);
      if (!(await repo.findRegion(db, answer.region)))
        throw invalid('Choose a region', [{ field: 'region', message: 'unknown region' }]);
      const citations = await resolveAll(statutes, answer.citations);
      const at = now().toISOString();
      return db.transaction().execute(async (trx) => {
        let id = answerId;
        if (id !== undefined) {
          const existing = await flow.findAnswer(trx, id);
          if (!existing || existing.question_id !== questionId) throw notFound(`No answer ${id}`);
          if (existing.author_id !== viewer.id && viewer.role !== 'admin')
            throw new AppError('FORBIDDEN', 'Only its author can revise this answer');
          if (existing.status === 'published')
            throw new AppError('CONFLICT', 'This answer is published; editors revise published answers');
          await flow.updateAnswerContent(trx, id, {
            analysis_md: answer.analysis,
            analysis_html: renderMarkdown(answer.analysis),
            region_code: answer.region,
            verified_on: answer.verifiedOn,
            status: 'submitted',
            review_note: null,
            updated_at: at,
          });
        } else {
          id = await repo.insertAnswer(trx, {
            question_id: questionId,
            status: 'submitted',
            analysis_md: answer.analysis,
            analysis_html: renderMarkdown(answer.analysis),
            background_md: null,
            background_html: null,
            region_code: answer.region,
            verified_on: answer.verifiedOn,
            author_label: viewer.displayName,
            created_at: at,
            published_at: null,
          });
          await trx.updateTable('answers').set({ author_id: viewer.id }).where('id', '=', id).execute();
        }
        await saveAnswerContent(trx, id, answer, citations);
        return { answerId: id };
      });
    },

    reviewQueue: () => flow.listSubmittedAnswers(db),

    async answerForReview(answerId: number) {
      const answer = await flow.findAnswer(db, answerId);
      if (!answer) throw notFound(`No answer ${answerId}`);
      const [question, steps, citations] = await Promise.all([
        flow.findQuestionForAnswering(db, answer.question_id),
        repo.listSteps(db, [answerId]),
        repo.listCitations(db, [answerId]),
      ]);
      return { answer, question: question!, steps, citations };
    },

    async approve(editor: Viewer, answerId: number) {
      const at = now().toISOString();
      const answer = await flow.findAnswer(db, answerId);
      if (!answer) throw notFound(`No answer ${answerId}`);
      if (answer.status !== 'submitted')
        throw new AppError('CONFLICT', 'Only answers waiting for review can be approved');
      await db.transaction().execute(async (trx) => {
        await flow.setAnswerStatus(trx, answerId, {
          status: 'published',
          published_at: at,
          review_note: null,
          updated_at: at,
        });
        // Publishing is revision 1: later edits of the published answer are diffed against it.
        await recordRevision(trx, answerId, editor.id, '', new Date(at));
        await flow.setQuestionStatus(trx, answer.question_id, 'answered', at);
        await search.reindexQuestions(trx, [answer.question_id]);
      });
      inquiry.forgetQuestion(answer.question_id);
      const question = (await flow.findQuestionForAnswering(db, answer.question_id))!;
      const asker = await flow.findAsker(db, answer.question_id);
      const link = questionPath(question.id, question.slug);
      if (asker !== null) await notifications.follow(answerId, asker);
      await notifications.notify(
        [answer.author_id],
        'approved',
        t('notifications.approved', { title: question.title }),
        link,
      );
      await notifications.notify([asker], 'answered', t('notifications.answered', { title: question.title }), link);
      return { questionId: answer.question_id };
    },

    async reject(_editor: Viewer, answerId: number, reason: string) {
      if (!reason.trim())
        throw invalid('Say why the answer goes back to its author', [
          { field: 'reason', message: 'a reason is required' },
        ]);
      const answer = await flow.findAnswer(db, answerId);
      if (!answer) throw notFound(`No answer ${answerId}`);
      if (answer.status !== 'submitted')
        throw new AppError('CONFLICT', 'Only answers waiting for review can be sent back');
      await flow.setAnswerStatus(db, answerId, {
        status: 'rejected',
        review_note: reason.trim(),
        updated_at: now().toISOString(),
      });
      const question = (await flow.findQuestionForAnswering(db, answer.question_id))!;
      await notifications.notify(
        [answer.author_id],
        'rejected',
        t('notifications.rejected', { title: question.title, reason: reason.trim() }),
        `/expert/answers/${answerId}/edit`,
      );
      return { questionId: answer.question_id };
    },

    /** One helpful vote per person per answer; voting again changes nothing. Voters follow the answer. */
    async voteHelpful(viewer: Viewer, answerId: number) {
      const answer = await flow.findAnswer(db, answerId);
      if (answer?.status !== 'published') throw notFound(`No published answer ${answerId}`);
      await db.transaction().execute(async (trx) => {
        const added = await flow.addVote(trx, answerId, viewer.id, now().toISOString());
        if (added) await flow.recountVotes(trx, answerId);
      });
      await notifications.follow(answerId, viewer.id);
      inquiry.forgetQuestion(answer.question_id);
      return { path: await answerPath(answer.question_id, answerId) };
    },

    /** The asker marks the answer that solved their problem; it is shown first. */
    async accept(viewer: Viewer, answerId: number) {
      const answer = await flow.findAnswer(db, answerId);
      if (answer?.status !== 'published') throw notFound(`No published answer ${answerId}`);
      const asker = await flow.findAsker(db, answer.question_id);
      if (asker !== viewer.id) throw new AppError('FORBIDDEN', 'Only the person who asked can accept an answer');
      await db.transaction().execute((trx) => flow.acceptAnswer(trx, answer.question_id, answerId));
      inquiry.forgetQuestion(answer.question_id);
      return { path: await answerPath(answer.question_id, answerId) };
    },

    /** Called when an editor revises a published answer: its followers hear about it. */
    async notifyRevised(answerId: number, questionId: number) {
      const question = await flow.findQuestionForAnswering(db, questionId);
      if (!question) return;
      await notifications.notify(
        await notifications.followers(answerId),
        'revised',
        t('notifications.revised', { title: question.title }),
        questionPath(question.id, question.slug),
      );
    },
  };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;
