import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Db, PreparedDocument, SearchDocument, SearchEngine } from '../search/engine';
import { createPreparePool, type PreparePool } from '../search/prepare-pool';
import { highlightSnippet } from '../search/snippet';
import { tokeniseQuery, tokeniseSubmittedQuery } from '../search/tokeniser';
import { invalid } from '../web/errors';
import { markdownToPlainText } from '../web/markdown';
import * as repo from './repository';
import * as searchRepo from './search-repository';
import { questionPath } from './slug';

export const SEARCH_PAGE_SIZE = 10;
export const SUGGESTION_COUNT = 8;
const REINDEX_BATCH = 500;

/** What the index takes from one question; both the database path below and the Q&A import build it. */
export interface QuestionIndexParts {
  id: number;
  title: string;
  details: string;
  aliases: string[];
  translationTitles: string[];
  answers: { analysis_md: string; background_md: string | null }[];
  steps: { action: string; materials: string; location: string; duration: string }[];
  citations: IndexedCitation[];
}

export interface IndexedCitation {
  statute_short_title_en: string;
  article_number: number;
  statute_title_zh: string;
  article_label: string;
}

/** The text of a question (title and aliases; details, answers and steps; legal basis), as the index takes it. */
export function searchDocument(q: QuestionIndexParts): SearchDocument {
  return {
    id: q.id,
    title: [q.title, ...q.aliases, ...q.translationTitles].join('\n'),
    body: [
      q.details,
      ...q.answers.flatMap((a) => [a.analysis_md, a.background_md ?? '']),
      ...q.steps.flatMap((s) => [s.action, s.materials, s.location, s.duration]),
    ].join('\n'),
    legal: q.citations
      .map((c) => `${c.statute_short_title_en} Article ${c.article_number} 《${c.statute_title_zh}》${c.article_label}`)
      .join('\n'),
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
async function documentsFor(db: Db, ids: number[]): Promise<SearchDocument[]> {
  const [questions, aliases, translations, answers] = await Promise.all([
    searchRepo.listQuestionsForIndex(db, ids),
    searchRepo.listAliases(db, ids),
    searchRepo.listTranslationTitles(db, ids),
    repo.listPublishedAnswers(db, ids),
  ]);
  const answerIds = answers.map((a) => a.id);
  const [steps, citations] = await Promise.all([repo.listSteps(db, answerIds), repo.listCitations(db, answerIds)]);
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
      title: q.title,
      details: q.details,
      aliases: (aliasesOf.get(q.id) ?? []).map((a) => a.text),
      translationTitles: (translationsOf.get(q.id) ?? []).map((t) => t.title),
      answers: own,
      steps: own.flatMap((a) => stepsOf.get(a.id) ?? []),
      citations: own.flatMap((a) => citationsOf.get(a.id) ?? []),
    });
  });
}

export interface SearchInput {
  q: string;
  topic?: string;
  region?: string;
  page: number;
}

export function createQuestionSearch(db: Kysely<Database>, engine: SearchEngine) {
  async function regionCodes(code: string): Promise<string[]> {
    const family = await searchRepo.listRegionFamily(db, code);
    const self = family.find((r) => r.code === code);
    if (!self) throw invalid(`Unknown region "${code}"`, [{ field: 'region', message: 'unknown region code' }]);
    // An answer applies where it was written for, in the places inside it, and nationwide answers apply everywhere.
    const codes = new Set(family.map((r) => r.code));
    for (let parent = self.parent_code; parent; ) {
      codes.add(parent);
      parent = (await repo.findRegion(db, parent))?.parent_code ?? null;
    }
    return [...codes];
  }

  return {
    /** Re-indexes questions after a write; run inside the write's transaction so the index never drifts. */
    async reindexQuestions(trx: Db, ids: number[]) {
      const docs = await documentsFor(trx, ids);
      await engine.store(
        trx,
        docs.map((doc) => engine.prepare(doc)),
      );
      const present = new Set(docs.map((d) => d.id));
      for (const id of ids) if (!present.has(id)) await engine.remove(trx, id);
    },

    /** Workers that prepare documents for this engine off the main thread (0: in this thread). */
    preparePool(size?: number): PreparePool {
      return createPreparePool(engine.dialect, size);
    },

    /** Stores documents prepared elsewhere (src/search/prepare-pool.ts) for questions new to the index. */
    async indexNewQuestions(trx: Db, prepared: PreparedDocument[]) {
      await engine.store(trx, prepared, { fresh: true });
    },

    async removeQuestion(trx: Db, id: number) {
      await engine.remove(trx, id);
    },

    /** Rebuilds the index when its layout changed since it was built (a migration says so); true if it did. */
    async rebuildIfNeeded(onProgress?: (done: number, total: number) => void) {
      if (!(await engine.needsRebuild(db))) return false;
      await this.reindexAll(onProgress);
      return true;
    },

    /** Rebuilds the whole index in batches, one transaction each. */
    async reindexAll(onProgress: (done: number, total: number) => void = () => {}) {
      const total = await searchRepo.countAllQuestions(db);
      await engine.removeAll(db);
      let done = 0;
      for (let after = 0; ; ) {
        const ids = await searchRepo.listQuestionIdsAfter(db, after, REINDEX_BATCH);
        if (ids.length === 0) break;
        await db.transaction().execute(async (trx) => {
          const docs = await documentsFor(trx, ids);
          // Not `fresh`: the server may index a question beyond this cursor meanwhile; replace, never duplicate.
          await engine.store(
            trx,
            docs.map((doc) => engine.prepare(doc)),
          );
        });
        done += ids.length;
        after = ids[ids.length - 1];
        onProgress(done, total);
      }
      await engine.rebuilt(db);
      return { indexed: done };
    },

    async search(input: SearchInput) {
      const started = performance.now();
      const terms = tokeniseSubmittedQuery(input.q);
      const topic = input.topic ? await repo.findTopicBySlug(db, input.topic) : undefined;
      if (input.topic && !topic)
        throw invalid(`Unknown topic "${input.topic}"`, [{ field: 'topic', message: 'unknown topic' }]);
      const regions = input.region ? await regionCodes(input.region) : undefined;
      const base = { query: input.q, page: input.page, pageSize: SEARCH_PAGE_SIZE };
      if (terms.length === 0) {
        return {
          ...base,
          results: [],
          total: 0,
          totalIsCapped: false,
          pageCount: 0,
          tookMs: 0,
          message: 'The query has no words to search for.',
        };
      }
      const found = await engine.search(db, terms, {
        filter: { topicId: topic?.id, regionCodes: regions },
        offset: (input.page - 1) * SEARCH_PAGE_SIZE,
        limit: SEARCH_PAGE_SIZE,
      });
      const rows = new Map(
        (
          await searchRepo.listResultRows(
            db,
            found.hits.map((h) => h.id),
          )
        ).map((r) => [r.id, r]),
      );
      const results = found.hits.flatMap((hit) => {
        const row = rows.get(hit.id);
        if (!row) return [];
        const source = row.analysis_md ? markdownToPlainText(row.analysis_md) : row.details;
        return [
          {
            id: row.id,
            title: row.title,
            titleHtml: highlightSnippet(row.title, terms, 300),
            snippet: highlightSnippet(source, terms),
            locale: row.locale,
            status: row.status,
            topic: { slug: row.topic_slug, title: row.topic_title },
            region: { code: row.region_code, name: row.region_name },
            score: Math.round(hit.score * 1000) / 1000,
            matchedTerms: hit.matchedTerms,
            url: questionPath(row.id, row.slug),
          },
        ];
      });
      return {
        ...base,
        results,
        total: found.total,
        totalIsCapped: found.totalIsCapped,
        pageCount: Math.ceil(found.total / SEARCH_PAGE_SIZE),
        tookMs: Math.round((performance.now() - started) * 100) / 100,
        message: null as string | null,
      };
    },

    async suggest(q: string) {
      const terms = tokeniseQuery(q);
      const ids = await engine.suggest(db, terms, SUGGESTION_COUNT);
      const byId = new Map((await searchRepo.listTitles(db, ids)).map((r) => [r.id, r]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [{ id, title: row.title, locale: row.locale, url: questionPath(id, row.slug) }] : [];
      });
    },
  };
}

export type QuestionSearch = ReturnType<typeof createQuestionSearch>;
