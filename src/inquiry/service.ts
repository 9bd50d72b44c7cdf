import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ResolvedCitation, StatuteService } from '../statutes/service';
import { type ArticlePart, citationLabel } from '../statutes/service';
import { AppError, invalid, notFound } from '../web/errors';
import { renderMarkdown } from '../web/markdown';
import { TtlCache } from '../web/ttl-cache';
import * as duplicateRepo from './duplicate-repository';
import * as repo from './repository';
import { type AnswerInput, answerInputSchema, PAGE_SIZE, type QuestionInput, questionInputSchema } from './schemas';
import type { QuestionSearch } from './search-service';
import { questionPath, slugify } from './slug';
import type { ViewCounter } from './view-counter';

export const CENTER_LIST_SIZE = 8;
/**
 * A question page's data is cached briefly: loading it takes several queries and pages are read far
 * more often than written. Writes through this service drop the entry at once; what may lag by up
 * to the TTL is only what other questions' writes and page views change (related list, view count).
 */
export const QUESTION_CACHE_TTL_MS = 30_000;
export const RELATED_LIST_SIZE = 6;

export function articlePath(statuteSlug: string, articleNumber: number) {
  return `/laws/${statuteSlug}/articles/${articleNumber}`;
}

type CitationRow = Awaited<ReturnType<typeof repo.listCitations>>[number];

/**
 * One legal-basis line per article: an answer citing paragraphs 1, 2 and 4 of one article shows
 * that article once, with the three paragraphs marked.
 */
function citationsByArticle(rows: CitationRow[]) {
  const lines = new Map<string, { first: CitationRow; parts: ArticlePart[]; asWritten: string[] }>();
  for (const row of rows) {
    const key = `${row.statute_slug}#${row.article_number}@${row.version_date}`;
    const line = lines.get(key) ?? { first: row, parts: [], asWritten: [] };
    line.parts.push({ paragraph: row.paragraph, item: row.item });
    line.asWritten.push(row.citation_text);
    lines.set(key, line);
  }
  return [...lines.values()].map(({ first: c, parts, asWritten }) => {
    const wholeArticle = parts.some((p) => !p.paragraph);
    return {
      label: citationLabel(c.statute_short_title_en, c.article_number, parts),
      asWritten,
      statute: { slug: c.statute_slug, titleZh: c.statute_title_zh, shortTitleEn: c.statute_short_title_en },
      versionDate: c.version_date,
      article: { number: c.article_number, label: c.article_label, text: c.article_text },
      /** Paragraphs to mark in the article text; empty when the whole article is cited. */
      paragraphs: wholeArticle ? [] : [...new Set(parts.map((p) => p.paragraph!))].sort((x, y) => x - y),
      parts,
      path: articlePath(c.statute_slug, c.article_number),
    };
  });
}

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
    topic: { slug: row.topic_slug, title: row.topic_title },
    path: questionPath(row.id, row.slug),
  };
}

export type QuestionSummary = ReturnType<typeof toSummary>;
async function loadAnswers(db: Kysely<Database>, questionIds: number[]) {
  const answers = await repo.listPublishedAnswers(db, questionIds);
  const answerIds = answers.map((a) => a.id);
  // Two queries for all steps and all citations of the page, never one per answer.
  const [steps, citations] = await Promise.all([repo.listSteps(db, answerIds), repo.listCitations(db, answerIds)]);
  return answers.map((a) => ({
    id: a.id,
    questionId: a.question_id,
    analysisMarkdown: a.analysis_md,
    analysisHtml: a.analysis_html,
    backgroundMarkdown: a.background_md,
    backgroundHtml: a.background_html,
    region: { code: a.region_code, name: a.region_name },
    verifiedOn: a.verified_on,
    author: a.author_label,
    publishedAt: a.published_at,
    updatedAt: a.updated_at,
    accepted: a.accepted === 1,
    /** Shown as a notice until an editor deals with it: the cited law was amended, or it came from an import. */
    reviewFlag: a.review_flag,
    helpfulCount: Number(a.helpful_count),
    steps: steps
      .filter((s) => s.answer_id === a.id)
      .map((s) => ({
        position: s.position,
        action: s.action,
        materials: s.materials,
        channel: s.channel,
        where: s.location,
        duration: s.duration,
      })),
    citations: citationsByArticle(citations.filter((c) => c.answer_id === a.id)),
  }));
}

/** Everything the Q&A page and the question API show, in six queries whatever the number of answers. */
async function loadQuestionData(db: Kysely<Database>, id: number) {
  const row = await repo.findQuestion(db, id);
  if (!row) throw notFound(`No question ${id}`);
  const [answers, related, duplicateOf] = await Promise.all([
    loadAnswers(db, [row.id]),
    repo.listRelatedQuestions(db, row.topic_id, row.id, row.locale, RELATED_LIST_SIZE),
    duplicateRepo.findDuplicateTarget(db, row.id),
  ]);
  return {
    question: {
      id: row.id,
      slug: row.slug,
      path: questionPath(row.id, row.slug),
      locale: row.locale,
      title: row.title,
      details: row.details,
      status: row.status,
      origin: row.origin,
      /** Who asked, unless they chose to appear anonymously; null for shipped and imported content. */
      /** For the page only (who may accept an answer); never sent by the API, which would unmask anonymous askers. */
      askerId: row.asker_id,
      askedBy:
        row.asker_name === null
          ? null
          : row.anonymous
            ? { anonymous: true as const }
            : { anonymous: false as const, name: row.asker_name },
      region: { code: row.region_code, name: row.region_name },
      views: Number(row.view_count),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      topic: { slug: row.topic_slug, title: row.topic_title, path: `/social-security/topics/${row.topic_slug}` },
      translation:
        row.translation_id !== null
          ? { locale: row.translation_locale!, path: questionPath(row.translation_id, row.translation_slug ?? '') }
          : null,
    },
    answers,
    related: related.map((r) => ({ id: r.id, title: r.title, path: questionPath(r.id, r.slug) })),
    /** Where this question redirects when editors merged it into another (src/inquiry/duplicates.ts); else null. */
    duplicateOf: duplicateOf ? { id: duplicateOf.id, path: questionPath(duplicateOf.id, duplicateOf.slug) } : null,
  };
}

export type QuestionData = Awaited<ReturnType<typeof loadQuestionData>>;
/** A question cache entry: the load, and its value once settled (read synchronously by cachedQuestion). */
type CachedQuestion = { promise: Promise<QuestionData>; value?: QuestionData };

/** Resolves every citation text of an answer; any that does not resolve refuses the whole answer, naming it. */
export async function resolveAll(statutes: StatuteService, texts: string[]): Promise<ResolvedCitation[]> {
  const resolved: ResolvedCitation[] = [];
  const problems: { field: string; message: string }[] = [];
  for (const [index, text] of texts.entries()) {
    const found = await statutes.resolveCitations(text);
    if (found.length === 0) problems.push({ field: `citations.${index}`, message: `No citation found in "${text}"` });
    for (const citation of found) {
      if (citation.ok) resolved.push(citation);
      else problems.push({ field: `citations.${index}`, message: citation.reason });
    }
  }
  if (problems.length > 0) throw new AppError('VALIDATION', 'A legal basis does not resolve', problems);
  return resolved;
}

export function createInquiryService(
  db: Kysely<Database>,
  statutes: StatuteService,
  views: ViewCounter,
  search: QuestionSearch,
) {
  // Each entry keeps its settled value beside the promise, so the page fast path (page-fast-path.ts) can
  // read a loaded question synchronously, without a promise per request.
  const questionCache = new TtlCache<number, CachedQuestion>(QUESTION_CACHE_TTL_MS, 5_000);

  async function topicOrThrow(slug: string) {
    const topic = await repo.findTopicBySlug(db, slug);
    if (!topic) throw notFound(`No topic "${slug}"`);
    return topic;
  }

  return {
    async listTopics() {
      const rows = await repo.listTopicsWithCounts(db);
      return rows.map((t) => ({
        slug: t.slug,
        title: t.title_en,
        titleZh: t.title_zh,
        summary: t.summary_en,
        questionCount: Number(t.question_count),
        path: `/social-security/topics/${t.slug}`,
      }));
    },

    async listRegions() {
      return (await repo.listRegions(db)).map((r) => ({ code: r.code, name: r.name_en, level: r.level }));
    },

    async loadCenter() {
      const [topics, latest, mostViewed] = await Promise.all([
        this.listTopics(),
        repo.listLatestQuestions(db, CENTER_LIST_SIZE),
        repo.listMostViewedQuestions(db, CENTER_LIST_SIZE),
      ]);
      return { topics, latest: latest.map(toSummary), mostViewed: mostViewed.map(toSummary) };
    },

    async listQuestions(filter: { topic?: string; page: number }) {
      const topic = filter.topic ? await topicOrThrow(filter.topic) : undefined;
      const where = { topicId: topic?.id };
      const [total, rows] = await Promise.all([
        repo.countQuestions(db, where),
        repo.listQuestions(db, where, (filter.page - 1) * PAGE_SIZE, PAGE_SIZE),
      ]);
      return {
        topic: topic
          ? { slug: topic.slug, title: topic.title_en, titleZh: topic.title_zh, summary: topic.summary_en }
          : null,
        page: filter.page,
        pageSize: PAGE_SIZE,
        total,
        pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        questions: rows.map(toSummary),
      };
    },

    /**
     * A question's page data (see loadQuestionData). The same object is returned while cached, so callers may memoise work on it (see routes.ts).
     */
    async loadQuestion(id: number, options: { countView: boolean }): Promise<QuestionData> {
      let entry = questionCache.get(id);
      if (!entry) {
        const created: CachedQuestion = { promise: loadQuestionData(db, id) };
        questionCache.set(id, created);
        // A failed load (not found, database error) must not be served from the cache.
        created.promise.then(
          (value) => {
            created.value = value;
          },
          () => questionCache.delete(id),
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

    /**
     * Stores a question with one published answer in one transaction. Used for seed, demo and
     * imported content; every citation must resolve or nothing is stored.
     */
    async createAnsweredQuestion(questionInput: QuestionInput, answerInput: AnswerInput, now = new Date()) {
      const question = questionInputSchema.parse(questionInput);
      const answer = answerInputSchema.parse(answerInput);
      const topic = await topicOrThrow(question.topic);
      for (const code of new Set([question.region, answer.region])) {
        if (!(await repo.findRegion(db, code)))
          throw invalid(`Unknown region "${code}"`, [{ field: 'region', message: 'unknown region' }]);
      }
      const citations = await resolveAll(statutes, answer.citations);
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
        const answerId = await repo.insertAnswer(trx, {
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
          citations.map((c) => ({
            article_id: c.article.id,
            paragraph: c.paragraph,
            item: c.item,
            citation_text: c.raw,
          })),
        );
        await search.reindexQuestions(trx, [questionId]);
        return { questionId, answerId };
      });
    },

    /** Deletes a question with its answers, and takes it out of the search index in the same transaction. */
    async deleteQuestion(id: number) {
      await db.transaction().execute(async (trx) => {
        const deleted = await repo.deleteQuestion(trx, id);
        if (!deleted) throw notFound(`No question ${id}`);
        await search.removeQuestion(trx, id);
      });
      questionCache.delete(id);
    },

    findQuestionIdBySourceKey: (key: string) => repo.findQuestionIdBySourceKey(db, key),
  };
}

export type InquiryService = ReturnType<typeof createInquiryService>;
