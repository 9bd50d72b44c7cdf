import type { Viewer } from '../../accounts';
import { can } from '../../accounts';
import { Conflict, Forbidden, Invalid, NotFound, RateLimited } from '../../platform/web/errors';
import type { Locale } from '../../platform/web/i18n';
import { renderMarkdown } from '../../platform/web/markdown';
import { validInput } from '../../platform/web/validation';
import type { CommunityService } from '../community/service';
import { answerRegions } from '../content/answer-regions';
import { resolveAll, withArticles } from '../content/citations';
import type { Named } from '../content/names';
import * as content from '../content/repository';
import { saveAnswerContent } from '../content/save';
import { type AnswerInput, answerInputSchema } from '../content/schemas';
import type { InquiryContext } from '../deps';
import * as questionRepo from '../questions/repository';
import type { QuestionService } from '../questions/service';
import { questionPath, slugify } from '../questions/slug';
import { recordRevision } from '../revisions/record';
import type { QuestionSearch } from '../search/service';
import * as repo from './repository';

/** How many questions one person may ask per hour (per-IP limits are the route's). */
export const QUESTIONS_PER_HOUR = 5;
export const QUEUE_SIZE = 50;

export interface AskInput {
  title: string;
  details: string;
  topic: string;
  region: string;
  anonymous: boolean;
  /** The language of the page it was asked on. */
  locale: Locale;
}

/**
 * The language a question is stored in: the page's, so a question asked on a Chinese page is a Chinese
 * question whatever words it uses. A title in Chinese characters asked on an English page is Chinese all the same
 * (its page, its search ranking and `lang` follow its words).
 */
export function questionLocale(pageLocale: Locale, title: string): Locale {
  return pageLocale === 'zh' || /\p{Script=Han}/u.test(title) ? 'zh' : 'en';
}

const regionName = (region: { nameEn: string; nameZh: string } | undefined, code: string): Named =>
  region ? { en: region.nameEn, zh: region.nameZh } : { en: code, zh: code };

/**
 * The living part of the inquiry center: people ask, experts answer in the structured form,
 * editors approve or send answers back. Every write re-indexes search in its own transaction.
 */
export function createWorkflowService(
  ctx: InquiryContext,
  deps: { search: QuestionSearch; questions: QuestionService; community: CommunityService },
) {
  const { db, statutes, notifications, now } = ctx;
  const { search, questions, community } = deps;

  async function questionOrThrow(questionId: number) {
    const question = await repo.findQuestionForAnswering(db, questionId);
    if (!question) throw new NotFound('error.question.notFound', { id: questionId });
    return question;
  }

  async function answerOrThrow(answerId: number) {
    const answer = await content.findAnswer(db, answerId);
    if (!answer) throw new NotFound('error.answer.notFound', { id: answerId });
    return answer;
  }

  return {
    async askQuestion(viewer: Viewer, input: AskInput) {
      const topic = await questions.requireTopic(input.topic);
      await ctx.regions.requireKnown(input.region);
      const hourAgo = new Date(now().getTime() - 3_600_000).toISOString();
      if ((await repo.countQuestionsAskedSince(db, viewer.id, hourAgo)) >= QUESTIONS_PER_HOUR) {
        throw new RateLimited('error.ask.tooMany', { count: QUESTIONS_PER_HOUR });
      }
      const createdAt = now().toISOString();
      const locale = questionLocale(input.locale, input.title);
      const id = await db.transaction().execute(async (trx) => {
        const questionId = await questionRepo.insertQuestion(trx, {
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
          asker_id: viewer.id,
          anonymous: input.anonymous ? 1 : 0,
        });
        await search.reindexQuestions(trx, [questionId]);
        return questionId;
      });
      return { id, path: questionPath(id, slugify(input.title)) };
    },

    /** Topics and regions for the ask form and the queue's filters, named in both languages. */
    async formChoices() {
      const [topics, regions] = await Promise.all([questions.listTopics(), ctx.regions.list().then(answerRegions)]);
      return {
        topics: topics.map((t) => ({ slug: t.slug, name: { en: t.title, zh: t.titleZh } as Named })),
        regions: regions.map((r) => ({ code: r.code, name: regionName(r, r.code) })),
      };
    },

    /** Existing questions like the one being asked, so people find an answer before asking again (in their language). */
    async similarQuestions(title: string, locale: Locale) {
      if (!title.trim()) return [];
      const found = await search.search({ q: title, locale, page: 1 });
      return found.results.slice(0, 5).map((r) => ({ id: r.id, title: r.title, path: r.path, locale: r.locale }));
    },

    /** The law that may apply to a question being asked: the suggested legal basis, a few articles with why. */
    async lawThatMayApply(title: string, details: string) {
      return statutes.suggestLegalBasis(`${title}\n${details}`, { limit: 3 });
    },

    async queue(filter: { topic?: string; region?: string }) {
      const topic = filter.topic ? await questionRepo.findTopicBySlug(db, filter.topic) : undefined;
      const rows = await repo.listQueue(db, { topicId: topic?.id, regionCode: filter.region }, QUEUE_SIZE);
      const regions = await ctx.regions.named(rows.map((r) => r.region_code));
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        locale: r.locale,
        createdAt: r.created_at,
        topic: { en: r.topic_title_en, zh: r.topic_title_zh } as Named,
        region: regionName(regions.get(r.region_code), r.region_code),
        path: questionPath(r.id, r.slug),
      }));
    },

    myAnswers: (viewer: Viewer) => repo.listAnswersByAuthor(db, viewer.id),

    async questionToAnswer(questionId: number) {
      const question = await questionOrThrow(questionId);
      const suggestions = await statutes.suggestLegalBasis(`${question.title}\n${question.details}`, { limit: 6 });
      return { ...question, path: questionPath(question.id, question.slug), suggestions };
    },

    /** Resolves what an expert typed, for the editor's live or server-side preview. */
    async preview(input: { analysis: string; citations: string[] }) {
      const citations = await Promise.all(
        input.citations.map(async (text) => ({ text, resolutions: await statutes.resolveCitations(text) })),
      );
      return { analysisHtml: renderMarkdown(input.analysis), citations };
    },

    /** A new answer, or a rejected one revised, goes to the editors' review queue. */
    async submitAnswer(viewer: Viewer, questionId: number, input: Omit<AnswerInput, 'authorLabel'>, answerId?: number) {
      const answer = validInput(answerInputSchema, { ...input, authorLabel: viewer.displayName });
      await questionOrThrow(questionId);
      await ctx.regions.requireKnown(answer.region);
      const citations = await resolveAll(statutes, answer.citations);
      const at = now().toISOString();
      return db.transaction().execute(async (trx) => {
        let id = answerId;
        if (id !== undefined) {
          const existing = await content.findAnswer(trx, id);
          if (!existing || existing.question_id !== questionId) throw new NotFound('error.answer.notFound', { id });
          if (existing.author_id !== viewer.id && !can(viewer, 'answer.reviseAnyDraft')) {
            throw new Forbidden('error.answer.authorOnly');
          }
          if (existing.status === 'published') throw new Conflict('error.answer.publishedRevisedByEditors');
          await content.updateAnswerContent(trx, id, {
            analysis_md: answer.analysis,
            analysis_html: renderMarkdown(answer.analysis),
            region_code: answer.region,
            verified_on: answer.verifiedOn,
            status: 'submitted',
            review_note: null,
            updated_at: at,
          });
        } else {
          id = await content.insertAnswer(trx, {
            question_id: questionId,
            status: 'submitted',
            analysis_md: answer.analysis,
            analysis_html: renderMarkdown(answer.analysis),
            background_md: null,
            background_html: null,
            region_code: answer.region,
            verified_on: answer.verifiedOn,
            author_label: viewer.displayName,
            author_id: viewer.id,
            created_at: at,
            published_at: null,
          });
        }
        await saveAnswerContent(trx, id, answer.steps, citations);
        return { answerId: id };
      });
    },

    /** Answers waiting for review, oldest first, with their authors' names. */
    async reviewQueue() {
      const rows = await repo.listSubmittedAnswers(db);
      const names = await ctx.accounts.displayNames(rows.flatMap((r) => (r.author_id === null ? [] : [r.author_id])));
      return rows.map((r) => ({ ...r, author_name: r.author_id === null ? null : (names.get(r.author_id) ?? null) }));
    },

    async answerForReview(answerId: number) {
      const answer = await answerOrThrow(answerId);
      const [question, steps, citationRows, region] = await Promise.all([
        questionOrThrow(answer.question_id),
        content.listSteps(db, [answerId]),
        content.listCitations(db, [answerId]),
        ctx.regions.find(answer.region_code),
      ]);
      const citations = await withArticles(statutes, citationRows);
      return { answer, question, steps, citations, region: regionName(region, answer.region_code) };
    },

    async approve(editor: Viewer, answerId: number) {
      const at = now().toISOString();
      const answer = await answerOrThrow(answerId);
      if (answer.status !== 'submitted') throw new Conflict('error.answer.notInReview');
      await db.transaction().execute(async (trx) => {
        await content.setAnswerStatus(trx, answerId, {
          status: 'published',
          published_at: at,
          review_note: null,
          updated_at: at,
        });
        // Publishing is revision 1: later edits of the published answer are diffed against it.
        await recordRevision(trx, ctx.statutes, answerId, editor.id, '', new Date(at));
        await repo.setQuestionStatus(trx, answer.question_id, 'answered', at);
        await search.reindexQuestions(trx, [answer.question_id]);
      });
      questions.forgetQuestion(answer.question_id);
      const question = await questionOrThrow(answer.question_id);
      const link = questionPath(question.id, question.slug);
      const asker = await community.followAsAsker(answerId, question.id);
      const params = { title: question.title };
      await notifications.notify([answer.author_id], { kind: 'approved', params, link });
      await notifications.notify([asker], { kind: 'answered', params, link });
      return { questionId: answer.question_id };
    },

    async reject(_editor: Viewer, answerId: number, reason: string) {
      if (!reason.trim()) {
        throw new Invalid('error.answer.reasonRequired', {}, [{ field: 'reason', key: 'error.answer.reasonField' }]);
      }
      const answer = await answerOrThrow(answerId);
      if (answer.status !== 'submitted') throw new Conflict('error.answer.notInReviewReject');
      await content.setAnswerStatus(db, answerId, {
        status: 'rejected',
        review_note: reason.trim(),
        updated_at: now().toISOString(),
      });
      const question = await questionOrThrow(answer.question_id);
      await notifications.notify([answer.author_id], {
        kind: 'rejected',
        params: { title: question.title, reason: reason.trim() },
        link: `/expert/answers/${answerId}/edit`,
      });
      return { questionId: answer.question_id };
    },
  };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;
