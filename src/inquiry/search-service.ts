import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Db, SearchDocument, SearchEngine } from '../search/engine';
import { highlightSnippet } from '../search/snippet';
import { tokeniseQuery } from '../search/tokeniser';
import { invalid } from '../web/errors';
import { markdownToPlainText } from '../web/markdown';
import * as repo from './repository';
import * as searchRepo from './search-repository';
import { questionPath } from './slug';

export const SEARCH_PAGE_SIZE = 10;
export const SUGGESTION_COUNT = 8;
const REINDEX_BATCH = 500;

/** The text of questions (title and aliases; details, answers and steps; legal basis), as the index takes it. */
async function documentsFor(db: Db, ids: number[]): Promise<SearchDocument[]> {
  const [questions, aliases, translations, answers] = await Promise.all([
    searchRepo.listQuestionsForIndex(db, ids),
    searchRepo.listAliases(db, ids),
    searchRepo.listTranslationTitles(db, ids),
    repo.listPublishedAnswers(db, ids),
  ]);
  const answerIds = answers.map((a) => a.id);
  const [steps, citations] = await Promise.all([repo.listSteps(db, answerIds), repo.listCitations(db, answerIds)]);
  return questions.map((q) => {
    const own = answers.filter((a) => a.question_id === q.id);
    const ownIds = new Set(own.map((a) => a.id));
    return {
      id: q.id,
      title: [
        q.title,
        ...aliases.filter((a) => a.question_id === q.id).map((a) => a.text),
        ...translations.filter((tr) => tr.question_id === q.id).map((tr) => tr.title),
      ].join('\n'),
      body: [
        q.details,
        ...own.flatMap((a) => [a.analysis_md, a.background_md ?? '']),
        ...steps.filter((s) => ownIds.has(s.answer_id)).flatMap((s) => [s.action, s.materials, s.location, s.duration]),
      ].join('\n'),
      legal: citations
        .filter((c) => ownIds.has(c.answer_id))
        .map((c) => `${c.statute_short_title_en} Article ${c.article_number} 《${c.statute_title_zh}》${c.article_label}`)
        .join('\n'),
    };
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
      for (const doc of docs) await engine.index(trx, doc);
      const present = new Set(docs.map((d) => d.id));
      for (const id of ids) if (!present.has(id)) await engine.remove(trx, id);
    },

    async removeQuestion(trx: Db, id: number) {
      await engine.remove(trx, id);
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
          for (const doc of await documentsFor(trx, ids)) await engine.index(trx, doc);
        });
        done += ids.length;
        after = ids[ids.length - 1];
        onProgress(done, total);
      }
      return { indexed: done };
    },

    async search(input: SearchInput) {
      const started = performance.now();
      // A submitted query is complete: only a lone trailing Han character, which the index cannot hold
      // as a word, still needs prefix matching.
      const terms = tokeniseQuery(input.q).map((term) =>
        term.prefix && Array.from(term.alternatives[0].tokens.join('')).length > 1 ? { ...term, prefix: false } : term,
      );
      const topic = input.topic ? await repo.findTopicBySlug(db, input.topic) : undefined;
      if (input.topic && !topic) throw invalid(`Unknown topic "${input.topic}"`, [{ field: 'topic', message: 'unknown topic' }]);
      const regions = input.region ? await regionCodes(input.region) : undefined;
      const base = { query: input.q, page: input.page, pageSize: SEARCH_PAGE_SIZE };
      if (terms.length === 0) {
        return { ...base, results: [], total: 0, totalIsCapped: false, pageCount: 0, tookMs: 0, message: 'The query has no words to search for.' };
      }
      const found = await engine.search(db, terms, {
        filter: { topicId: topic?.id, regionCodes: regions },
        offset: (input.page - 1) * SEARCH_PAGE_SIZE,
        limit: SEARCH_PAGE_SIZE,
      });
      const rows = new Map((await searchRepo.listResultRows(db, found.hits.map((h) => h.id))).map((r) => [r.id, r]));
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
