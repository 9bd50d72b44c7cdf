/**
 * What the Q&A page and the question API show: the question, its published answers with steps and citations
 * (their articles described by statutes), related questions, translation and duplicate target. Regions come
 * from the regions module (in memory), the asker's name from accounts.
 */
import { NotFound } from '../../platform/web/errors';
import type { Region } from '../../regions';
import { type CitationWithArticle, citationsByArticle, withArticles } from '../content/citations';
import * as content from '../content/repository';
import type { InquiryContext } from '../deps';
import * as duplicateRepo from '../moderation/duplicate-repository';
import type { Locale } from '../tables';
import * as repo from './repository';
import { questionPath, topicPath } from './slug';

export const RELATED_LIST_SIZE = 6;

/** A region as pages name it, in both languages (the code when the region is not known). */
function regionNames(code: string, region: Region | undefined) {
  return { code, name: region?.nameEn ?? code, nameZh: region?.nameZh ?? code };
}

/** The published answers of questions, in page order, with their steps and legal basis: four queries in all. */
export async function loadAnswers(ctx: InquiryContext, questionIds: number[]) {
  const answers = await content.listPublishedAnswers(ctx.db, questionIds);
  const answerIds = answers.map((a) => a.id);
  // Two queries for all steps and all citations of the page, never one per answer.
  const [steps, citationRows, regions] = await Promise.all([
    content.listSteps(ctx.db, answerIds),
    content.listCitations(ctx.db, answerIds),
    ctx.regions.named(answers.map((a) => a.region_code)),
  ]);
  const citations = await withArticles(ctx.statutes, citationRows);
  const citationsOf = new Map<number, CitationWithArticle[]>();
  for (const c of citations) citationsOf.set(c.answer_id, [...(citationsOf.get(c.answer_id) ?? []), c]);
  return answers.map((a) => ({
    id: a.id,
    questionId: a.question_id,
    analysisMarkdown: a.analysis_md,
    analysisHtml: a.analysis_html,
    backgroundMarkdown: a.background_md,
    backgroundHtml: a.background_html,
    region: regionNames(a.region_code, regions.get(a.region_code)),
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
    citations: citationsByArticle(citationsOf.get(a.id) ?? []),
  }));
}

/** Everything the Q&A page and the question API show, in a handful of queries whatever the number of answers. */
export async function loadQuestionData(ctx: InquiryContext, id: number) {
  const row = await repo.findQuestion(ctx.db, id);
  if (!row) throw new NotFound('error.question.notFound', { id });
  // The page is read in both languages (in the other one when the question has no translation into it), and its
  // related questions are listed in the reader's: both lists are loaded, with the page data they are cached with.
  const group = row.translation_of_id ?? row.id;
  const relatedIn = (locale: Locale) =>
    repo
      .listRelatedQuestions(ctx.db, row.topic_id, group, locale, RELATED_LIST_SIZE)
      .then((rows) =>
        rows.map((r) => ({ id: r.id, title: r.title, locale: r.locale, path: questionPath(r.id, r.slug) })),
      );
  const [answers, relatedEn, relatedZh, duplicateOf, region, askers] = await Promise.all([
    loadAnswers(ctx, [row.id]),
    relatedIn('en'),
    relatedIn('zh'),
    duplicateRepo.findDuplicateTarget(ctx.db, row.id),
    ctx.regions.find(row.region_code),
    row.asker_id === null ? new Map<number, string>() : ctx.accounts.displayNames([row.asker_id]),
  ]);
  const askerName = row.asker_id === null ? undefined : askers.get(row.asker_id);
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
      /** For the page only (who may accept an answer); never sent by the API, which would unmask anonymous askers. */
      askerId: row.asker_id,
      /** Who asked, unless they chose to appear anonymously; null for shipped and imported content. */
      askedBy:
        askerName === undefined
          ? null
          : row.anonymous
            ? { anonymous: true as const }
            : { anonymous: false as const, name: askerName },
      region: regionNames(row.region_code, region),
      views: Number(row.view_count),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      topic: {
        slug: row.topic_slug,
        title: row.topic_title,
        titleZh: row.topic_title_zh,
        path: topicPath(row.topic_slug),
      },
      translation:
        row.translation_id !== null
          ? { locale: row.translation_locale!, path: questionPath(row.translation_id, row.translation_slug ?? '') }
          : null,
    },
    answers,
    /** By the language of the list (the reader's): one entry per translation group (repository.ts). */
    related: { en: relatedEn, zh: relatedZh } satisfies Record<Locale, unknown>,
    /** Where this question redirects when editors merged it into another (moderation/duplicates.ts); else null. */
    duplicateOf: duplicateOf ? { id: duplicateOf.id, path: questionPath(duplicateOf.id, duplicateOf.slug) } : null,
  };
}

export type QuestionData = Awaited<ReturnType<typeof loadQuestionData>>;
