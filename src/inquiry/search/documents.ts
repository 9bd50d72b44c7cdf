/**
 * Questions as the search engine indexes them: the questions kind (its fields, weights and filter attributes)
 * and each question's document, built from the database (here) or from an import batch (import/batch.ts).
 */
import { defineSearchKind, type SearchDocument } from '../../platform/search';
import type { ArticleDescription, StatuteService } from '../../statutes';
import { withArticles } from '../content/citations';
import * as content from '../content/repository';
import type { InquiryDb } from '../tables';
import * as searchRepo from './repository';

/**
 * Title (with aliases and the other language's title) ranks highest, then the body (details, answers, steps),
 * then the legal basis (citation labels and statute titles). Filters: topic and region.
 */
export const QUESTION_KIND = defineSearchKind({
  name: 'question',
  title: { name: 'title', weight: 10, typicalLength: 12 },
  fields: [
    { name: 'body', weight: 2, typicalLength: 150, bigrams: 'own-column' },
    { name: 'legal', weight: 1, typicalLength: 20, bigrams: 'with-words' },
  ],
  attributes: { topic: 'integer', region: 'text' },
});

/** What the index takes from one question; both the database path below and the Q&A import build it. */
export interface QuestionIndexParts {
  id: number;
  topicId: number;
  region: string;
  title: string;
  details: string;
  aliases: string[];
  translationTitles: string[];
  answers: { analysis_md: string; background_md: string | null }[];
  steps: { action: string; materials: string; location: string; duration: string }[];
  citations: ArticleDescription[];
}

/** A cited article as the legal-basis field writes it: English label, then the Chinese title and article. */
function legalLine(a: ArticleDescription): string {
  return `${a.statute.shortTitleEn} Article ${a.number} 《${a.statute.titleZh}》${a.label}`;
}

/** The document of a question (title and aliases; details, answers and steps; legal basis; topic and region). */
export function searchDocument(q: QuestionIndexParts): SearchDocument {
  return {
    id: q.id,
    text: {
      title: [q.title, ...q.aliases, ...q.translationTitles].join('\n'),
      body: [
        q.details,
        ...q.answers.flatMap((a) => [a.analysis_md, a.background_md ?? '']),
        ...q.steps.flatMap((s) => [s.action, s.materials, s.location, s.duration]),
      ].join('\n'),
      legal: q.citations.map(legalLine).join('\n'),
    },
    attributes: { topic: q.topicId, region: q.region },
  };
}

/** Groups rows by a numeric key, so building many documents stays linear. */
function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The documents of questions as stored now (merged duplicates have none). */
export async function documentsFor(
  db: InquiryDb,
  statutes: Pick<StatuteService, 'describeArticles'>,
  ids: number[],
): Promise<SearchDocument[]> {
  const [questions, aliases, translations, answers] = await Promise.all([
    searchRepo.listQuestionsForIndex(db, ids),
    searchRepo.listAliases(db, ids),
    searchRepo.listTranslationTitles(db, ids),
    content.listPublishedAnswers(db, ids),
  ]);
  const answerIds = answers.map((a) => a.id);
  const [steps, citationRows] = await Promise.all([
    content.listSteps(db, answerIds),
    content.listCitations(db, answerIds),
  ]);
  const citations = await withArticles(statutes, citationRows, db);
  const aliasesOf = groupBy(aliases, (a) => a.question_id);
  const translationsOf = groupBy(translations, (t) => t.question_id);
  // Steps and citations follow the answers in page order (accepted first), as the import writes them.
  const answersOf = groupBy(answers, (a) => a.question_id);
  const stepsOf = groupBy(steps, (s) => s.answer_id);
  const citationsOf = groupBy(citations, (c) => c.answer_id);
  return questions.map((q) => {
    const own = answersOf.get(q.id) ?? [];
    return searchDocument({
      id: q.id,
      topicId: q.topic_id,
      region: q.region_code,
      title: q.title,
      details: q.details,
      aliases: (aliasesOf.get(q.id) ?? []).map((a) => a.text),
      translationTitles: (translationsOf.get(q.id) ?? []).map((t) => t.title),
      answers: own,
      steps: own.flatMap((a) => stepsOf.get(a.id) ?? []),
      citations: own.flatMap((a) => (citationsOf.get(a.id) ?? []).map((c) => c.article)),
    });
  });
}
