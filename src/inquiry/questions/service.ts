import { Invalid, NotFound } from '../../platform/web/errors';
import { LOCALES } from '../../platform/web/i18n';
import { renderMarkdown } from '../../platform/web/markdown';
import { TtlCache } from '../../platform/web/ttl-cache';
import { validInput } from '../../platform/web/validation';
import { resolveAll } from '../content/citations';
import * as content from '../content/repository';
import { saveAnswerContent } from '../content/save';
import { type AnswerInput, answerInputSchema } from '../content/schemas';
import type { InquiryContext } from '../deps';
import type { QuestionSearch } from '../search/service';
import type { Locale } from '../tables';
import { loadQuestionData, type QuestionData } from './page-data';
import * as repo from './repository';
import { PAGE_SIZE, type QuestionInput, questionInputSchema } from './schemas';
import { questionPath, slugify, topicPath } from './slug';
import type { ViewCounter } from './view-counter';

export const CENTER_LIST_SIZE = 8;
/**
 * A question page's data is cached briefly: loading it takes several queries and pages are read far
 * more often than written. Writes through this service drop the entry at once; what may lag by up
 * to the TTL is only what other questions' writes and page views change (related list, view count).
 */
export const QUESTION_CACHE_TTL_MS = 30_000;

type SummaryRow = Awaited<ReturnType<typeof repo.listLatestQuestions>>[number];

function toSummary(row: SummaryRow) {
  return {
    id: row.id,
    title: row.title,
    locale: row.locale,
    status: row.status,
    origin: row.origin,
    region: row.region_code,
    views: Number(row.view_count),
    createdAt: row.created_at,
    topic: { slug: row.topic_slug, title: row.topic_title, titleZh: row.topic_title_zh },
    path: questionPath(row.id, row.slug),
  };
}

type TopicRow = Awaited<ReturnType<typeof repo.listTopicsWithCounts>>[number];

/** A topic with both its names and summaries (`title`/`summary` English, as the API has always had them). */
function toTopic(row: TopicRow) {
  return {
    slug: row.slug,
    title: row.title_en,
    titleZh: row.title_zh,
    summary: row.summary_en,
    // Empty until the start has loaded topics.json into a database migrated before the column existed.
    summaryZh: row.summary_zh || row.summary_en,
    questionCount: Number(row.question_count),
    path: topicPath(row.slug),
  };
}

export type Topic = ReturnType<typeof toTopic>;

export type QuestionSummary = ReturnType<typeof toSummary>;
/** A question cache entry: the load, and its value once settled (read synchronously by cachedQuestion). */
type CachedQuestion = { promise: Promise<QuestionData>; value?: QuestionData };

export interface TopicInput {
  slug: string;
  titleEn: string;
  titleZh: string;
  summaryEn: string;
  summaryZh: string;
}

/** Questions and their pages: topics, the center's lists, the Q&A page data (cached) and shipped content. */
export function createQuestionService(ctx: InquiryContext, views: ViewCounter, search: QuestionSearch) {
  const { db } = ctx;
  // Each entry keeps its settled value beside the promise, so the page fast path (page-fast-path.ts) can
  // read a loaded question synchronously, without a promise per request. Shared: a question forgotten here after
  // a write is forgotten by every server of the site, with the prerendered pages hanging on it (decision 0122).
  const questionCache = new TtlCache<number, CachedQuestion>(QUESTION_CACHE_TTL_MS, 5_000, Date.now, 'questions', {
    invalidation: ctx.invalidation,
    topic: 'questions',
    keyOf: Number,
  });

  async function topicOrThrow(slug: string) {
    const topic = await repo.findTopicBySlug(db, slug);
    if (!topic) throw new NotFound('error.topic.notFound', { slug });
    return topic;
  }

  return {
    /**
     * The topic tree with question counts: of every question (the API), or of the entries a list read in `locale`
     * shows (one per translation group, see repository.ts).
     */
    async listTopics(locale?: Locale) {
      return (await repo.listTopicsWithCounts(db, locale)).map(toTopic);
    },

    /** The topic of a slug, or an Invalid error naming the field (forms and filters). */
    async requireTopic(slug: string, field = 'topic') {
      const topic = await repo.findTopicBySlug(db, slug);
      if (!topic) throw new Invalid('error.topic.unknown', { slug }, [{ field, key: 'error.topic.choose' }]);
      return topic;
    },

    /** Stores the shipped topic tree (data/inquiry/topics.json) in its order; a stored topic takes the new names. */
    async loadTopics(topics: TopicInput[]) {
      await db.transaction().execute(async (trx) => {
        for (const [position, t] of topics.entries()) {
          await repo.upsertTopic(trx, {
            slug: t.slug,
            title_en: t.titleEn,
            title_zh: t.titleZh,
            summary_en: t.summaryEn,
            summary_zh: t.summaryZh,
            position,
          });
        }
      });
    },

    /** The center's topics and lists, as read in `locale` (one entry per translation group). */
    async loadCenter(locale: Locale) {
      const [topics, latest, mostViewed] = await Promise.all([
        this.listTopics(locale),
        repo.listLatestQuestions(db, locale, CENTER_LIST_SIZE),
        repo.listMostViewedQuestions(db, locale, CENTER_LIST_SIZE),
      ]);
      return { topics, latest: latest.map(toSummary), mostViewed: mostViewed.map(toSummary) };
    },

    /**
     * A page of questions, newest first: every question (the API), or as a list read in `locale` shows them (one
     * entry per translation group).
     */
    async listQuestions(filter: { topic?: string; page: number; locale?: Locale }) {
      const topic = filter.topic ? await topicOrThrow(filter.topic) : undefined;
      const where = { topicId: topic?.id, locale: filter.locale };
      const [total, rows] = await Promise.all([
        repo.countQuestions(db, where),
        repo.listQuestions(db, where, (filter.page - 1) * PAGE_SIZE, PAGE_SIZE),
      ]);
      return {
        topic: topic
          ? {
              slug: topic.slug,
              title: topic.title_en,
              titleZh: topic.title_zh,
              summary: topic.summary_en,
              summaryZh: topic.summary_zh || topic.summary_en,
            }
          : null,
        page: filter.page,
        pageSize: PAGE_SIZE,
        total,
        pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        questions: rows.map(toSummary),
      };
    },

    /**
     * A question's page data (see page-data.ts). The same object is returned while cached, so callers may
     * memoise work on it (see routes.ts).
     */
    async loadQuestion(id: number, options: { countView: boolean }): Promise<QuestionData> {
      let entry = questionCache.get(id);
      if (!entry) {
        const created: CachedQuestion = { promise: loadQuestionData(ctx, id) };
        questionCache.set(id, created);
        // A failed load (not found, database error) must not be served from the cache.
        created.promise.then(
          (value) => {
            created.value = value;
          },
          () => questionCache.discard(id),
        );
        entry = created;
      }
      const loaded = await entry.promise;
      if (options.countView) views.record(id);
      return loaded;
    },

    /**
     * The object loadQuestion would return now, if the cache holds it loaded; never reads the database.
     * Undefined once the entry expires or a write drops it (forgetQuestion), which is what keeps pages
     * built from it from outliving it.
     */
    cachedQuestion(id: number): QuestionData | undefined {
      return questionCache.get(id)?.value;
    },

    /** Counts a page view as loadQuestion(id, { countView: true }) does, for a page sent without loading. */
    recordView(id: number) {
      views.record(id);
    },

    /** Drops cached question data after a write that changes what pages show. */
    forgetQuestion(id?: number) {
      if (id === undefined) questionCache.clear();
      else questionCache.delete(id);
    },

    /** Drops every cached question here only: after a change every server hears of by itself. */
    forgetAllQuestionsHere() {
      questionCache.discardAll();
    },

    /**
     * Stores a question with one published answer in one transaction. Used for seed, demo and
     * imported content; every citation must resolve or nothing is stored.
     */
    async createAnsweredQuestion(questionInput: QuestionInput, answerInput: AnswerInput, now = ctx.now()) {
      const question = validInput(questionInputSchema, questionInput);
      const answer = validInput(answerInputSchema, answerInput);
      const topic = await topicOrThrow(question.topic);
      for (const code of new Set([question.region, answer.region])) await ctx.regions.requireKnown(code);
      const citations = await resolveAll(ctx.statutes, answer.citations);
      const createdAt = question.createdAt ?? now.toISOString();

      return db.transaction().execute(async (trx) => {
        const questionId = await repo.insertQuestion(trx, {
          topic_id: topic.id,
          slug: slugify(question.title),
          locale: question.locale,
          title: question.title,
          details: question.details,
          status: 'answered',
          origin: question.origin,
          source_key: question.sourceKey,
          translation_of_id: question.translationOfId,
          region_code: question.region,
          created_at: createdAt,
        });
        await repo.insertAliases(trx, questionId, question.aliases);
        const answerId = await content.insertAnswer(trx, {
          question_id: questionId,
          status: 'published',
          analysis_md: answer.analysis,
          analysis_html: renderMarkdown(answer.analysis),
          background_md: answer.background,
          background_html: answer.background ? renderMarkdown(answer.background) : null,
          region_code: answer.region,
          verified_on: answer.verifiedOn,
          author_label: answer.authorLabel,
          created_at: createdAt,
          published_at: createdAt,
        });
        await saveAnswerContent(trx, answerId, answer.steps, citations);
        await search.reindexQuestions(trx, [questionId]);
        return { questionId, answerId };
      });
    },

    /** Deletes a question with its answers, and takes it out of the search index in the same transaction. */
    async deleteQuestion(id: number) {
      await db.transaction().execute(async (trx) => {
        const deleted = await repo.deleteQuestion(trx, id);
        if (!deleted) throw new NotFound('error.question.notFound', { id });
        await search.removeQuestion(trx, id);
      });
      questionCache.delete(id);
    },

    findQuestionIdBySourceKey: (key: string) => repo.findQuestionIdBySourceKey(db, key),

    /**
     * The pages of shipped Q&As (seed or demo) by their keys in data/, in each language they exist in: how other
     * modules link an explainer (the jobs board's benefit tags). A key with no stored question is left out.
     */
    async shippedQuestionPaths(keys: string[]): Promise<Map<string, Partial<Record<Locale, string>>>> {
      const sourceKeys = keys.flatMap((key) =>
        (['seed', 'demo'] as const).flatMap((origin) => LOCALES.map((locale) => `${origin}:${key}:${locale}`)),
      );
      const paths = new Map<string, Partial<Record<Locale, string>>>();
      for (const row of await repo.listQuestionsBySourceKeys(db, sourceKeys)) {
        const key = (row.source_key ?? '').split(':')[1] ?? '';
        const versions = paths.get(key) ?? {};
        versions[row.locale] = questionPath(row.id, row.slug);
        paths.set(key, versions);
      }
      return paths;
    },
  };
}

export type QuestionService = ReturnType<typeof createQuestionService>;
