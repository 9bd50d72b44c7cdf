import type { Db, PreparedDocument, SearchEngine } from '../../platform/search';
import { createPreparePool, type PreparePool } from '../../platform/search/prepare-pool';
import { highlightSnippet } from '../../platform/search/snippet';
import { tokeniseQuery, tokeniseSubmittedQuery } from '../../platform/search/tokeniser';
import { Invalid } from '../../platform/web/errors';
import { markdownToPlainText } from '../../platform/web/markdown';
import type { InquiryContext } from '../deps';
import { questionPath } from '../questions/slug';
import type { InquiryDb } from '../tables';
import { documentsFor, QUESTION_KIND } from './documents';
import * as searchRepo from './repository';

export const SEARCH_PAGE_SIZE = 10;
export const SUGGESTION_COUNT = 8;
const REINDEX_BATCH = 500;

export interface SearchInput {
  q: string;
  topic?: string;
  region?: string;
  page: number;
}

/** Why a search has no results to show (the page and the API say it in the reader's words). */
export type SearchNotice = 'no-words';

/**
 * Inquiry's search over the engine: the questions kind's index, kept in step with every write (in the writing
 * transaction), and the search and suggestions the pages and the API show.
 */
export function createQuestionSearch(ctx: InquiryContext, engine: SearchEngine) {
  const { db } = ctx;
  const index = engine.index(QUESTION_KIND);

  return {
    /** Re-indexes questions after a write; run inside the write's transaction so the index never drifts. */
    async reindexQuestions(trx: InquiryDb, ids: number[]) {
      const docs = await documentsFor(trx, ctx.statutes, ids);
      await index.store(
        trx,
        docs.map((doc) => index.prepare(doc)),
      );
      const present = new Set(docs.map((d) => d.id));
      for (const id of ids) if (!present.has(id)) await index.remove(trx, id);
    },

    /** Workers that prepare question documents for this engine off the main thread (0: in this thread). */
    preparePool(size?: number): PreparePool {
      if (size === 0) return { prepare: async (docs) => docs.map((d) => index.prepare(d)), close: async () => {} };
      return createPreparePool(engine.dialect, QUESTION_KIND, size);
    },

    /** Stores documents prepared elsewhere (the prepare pool) for questions new to the index. */
    async indexNewQuestions(trx: Db, prepared: PreparedDocument[]) {
      await index.store(trx, prepared, { fresh: true });
    },

    async removeQuestion(trx: Db, id: number) {
      await index.remove(trx, id);
    },

    /**
     * Makes sure the index's tables exist for the questions kind as defined now, and rebuilds it when it is new,
     * its layout changed or a rebuild broke off; true if it rebuilt.
     */
    async rebuildIfNeeded(onProgress?: (done: number, total: number) => void) {
      await index.ensure(db);
      if (!(await index.needsRebuild(db))) return false;
      await this.reindexAll(onProgress);
      return true;
    },

    /** Rebuilds the whole index in batches, one transaction each. */
    async reindexAll(onProgress: (done: number, total: number) => void = () => {}) {
      await index.ensure(db);
      const total = await searchRepo.countAllQuestions(db);
      await index.removeAll(db);
      let done = 0;
      for (let after = 0; ; ) {
        const ids = await searchRepo.listQuestionIdsAfter(db, after, REINDEX_BATCH);
        if (ids.length === 0) break;
        await db.transaction().execute(async (trx) => {
          const docs = await documentsFor(trx, ctx.statutes, ids);
          // Not `fresh`: the server may index a question beyond this cursor meanwhile; replace, never duplicate.
          await index.store(
            trx,
            docs.map((doc) => index.prepare(doc)),
          );
        });
        done += ids.length;
        after = ids[ids.length - 1]!;
        onProgress(done, total);
      }
      await index.rebuilt(db);
      return { indexed: done };
    },

    async search(input: SearchInput) {
      const started = performance.now();
      const terms = tokeniseSubmittedQuery(input.q);
      const topic = input.topic ? await searchRepo.findTopicId(db, input.topic) : undefined;
      if (input.topic && topic === undefined) {
        throw new Invalid('error.topic.unknown', { slug: input.topic }, [
          { field: 'topic', key: 'error.topic.choose' },
        ]);
      }
      const regions = input.region ? await ctx.regions.applicableTo(input.region) : undefined;
      const base = { query: input.q, page: input.page, pageSize: SEARCH_PAGE_SIZE };
      if (terms.length === 0) {
        const notice: SearchNotice | null = 'no-words';
        return { ...base, results: [], total: 0, totalIsCapped: false, pageCount: 0, tookMs: 0, notice };
      }
      const found = await index.search(db, terms, {
        filter: {
          ...(topic !== undefined && { topic: { in: [topic] } }),
          ...(regions && { region: { in: regions } }),
        },
        offset: (input.page - 1) * SEARCH_PAGE_SIZE,
        limit: SEARCH_PAGE_SIZE,
      });
      const ids = found.hits.map((h) => h.id);
      const resultRows = await searchRepo.listResultRows(db, ids);
      const rows = new Map(resultRows.map((r) => [r.id, r]));
      const regionNames = await ctx.regions.named(resultRows.map((r) => r.region_code));
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
            region: { code: row.region_code, name: regionNames.get(row.region_code)?.nameEn ?? row.region_code },
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
        notice: null as SearchNotice | null,
      };
    },

    async suggest(q: string) {
      const terms = tokeniseQuery(q);
      const ids = await index.suggest(db, terms, SUGGESTION_COUNT);
      const byId = new Map((await searchRepo.listTitles(db, ids)).map((r) => [r.id, r]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [{ id, title: row.title, locale: row.locale, url: questionPath(id, row.slug) }] : [];
      });
    },
  };
}

export type QuestionSearch = ReturnType<typeof createQuestionSearch>;
export type SearchOutcome = Awaited<ReturnType<QuestionSearch['search']>>;
