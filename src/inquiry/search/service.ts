import type { Db, PreparedDocument, SearchEngine } from '../../platform/search';
import { createPreparePool, type PreparePool } from '../../platform/search/prepare-pool';
import { highlightSnippet, highlightWhole } from '../../platform/search/snippet';
import { type QueryTerm, tokeniseQuery, tokeniseSubmittedQuery } from '../../platform/search/tokeniser';
import { Invalid } from '../../platform/web/errors';
import type { Locale } from '../../platform/web/i18n';
import { markdownToPlainText } from '../../platform/web/markdown';
import { answerRegions } from '../content/answer-regions';
import type { InquiryContext } from '../deps';
import { questionPath, topicPath } from '../questions/slug';
import type { InquiryDb } from '../tables';
import { documentsFor, QUESTION_KIND } from './documents';
import * as searchRepo from './repository';
import { collapseTranslations, preferReaderLanguage, type ReaderHit, SAME_LANGUAGE_TOP } from './translations';

export const SEARCH_PAGE_SIZE = 10;
export const SUGGESTION_COUNT = 8;
const REINDEX_BATCH = 500;
/** Hits read at most to fill a page with translation groups (page 50 needs about 1,010). */
const MAX_WINDOW = 2_048;

export interface SearchInput {
  q: string;
  /** The reader's language: results are shown and ordered for it. */
  locale: Locale;
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
    async reindexQuestions(trx: InquiryDb, changed: number[]) {
      // A document holds the titles of its question's translations (documents.ts): a new or retitled question
      // changes theirs too, so the index stays what a rebuild would make.
      const members = await searchRepo.listGroupMembers(trx, changed);
      const ids = [...new Set([...changed, ...members.map((m) => m.id)])];
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

    /**
     * A page of results for the reader: one line per translation group, in the reader's language when the group
     * has a question in it, the reader's language first among the top results (translations.ts).
     */
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
      const filter = {
        ...(topic !== undefined && { topic: { in: [topic] } }),
        ...(regions && { region: { in: regions } }),
      };
      // Groups needed: up to this page, and at least the reordered top. Members of a group mostly come in pairs
      // (English and Chinese), so twice as many hits and a page more usually hold them.
      const needed = Math.max(input.page * SEARCH_PAGE_SIZE, SAME_LANGUAGE_TOP);
      let window = 2 * needed + SEARCH_PAGE_SIZE;
      for (;;) {
        // From the first hit: the ordering of the groups depends on every hit before the page.
        const found = await index.search(db, terms, { filter, offset: 0, limit: window });
        const members = await searchRepo.listGroupMembers(
          db,
          found.hits.map((h) => h.id),
        );
        const groups = collapseTranslations(found.hits, members, input.locale);
        // Every hit the engine ranks was read (it gave fewer than asked, or all it counted): the groups are
        // all there is to show, and their number is the total.
        const complete = found.hits.length < window || (!found.totalIsCapped && found.hits.length >= found.total);
        // Read further: to fill the page with groups, or to count groups exactly when the engine counted
        // every match (up to its cap of 200) but more than were read. Past its cap a count is an estimate anyway.
        const wanted = Math.max(groups.length < needed ? 2 * window : 0, found.totalIsCapped ? 0 : found.total);
        if (!complete && wanted > window && window < MAX_WINDOW) {
          window = Math.min(wanted, MAX_WINDOW);
          continue;
        }
        // Not complete: translations seen are counted once, the matches beyond as the engine counted them.
        const total = complete
          ? groups.length
          : Math.max(groups.length, found.total - (found.hits.length - groups.length));
        const offset = (input.page - 1) * SEARCH_PAGE_SIZE;
        const shown = preferReaderLanguage(groups).slice(offset, offset + SEARCH_PAGE_SIZE);
        return {
          ...base,
          results: await this.resultLines(shown, terms, input.locale),
          total,
          totalIsCapped: !complete && found.totalIsCapped,
          pageCount: Math.ceil(total / SEARCH_PAGE_SIZE),
          tookMs: Math.round((performance.now() - started) * 100) / 100,
          notice: null as SearchNotice | null,
        };
      }
    },

    /** Result lines (title whole, snippet cut around the matches) in the reader's language, in the hits' order. */
    async resultLines(hits: ReaderHit[], terms: QueryTerm[], locale: Locale) {
      const resultRows = await searchRepo.listResultRows(
        db,
        hits.map((h) => h.id),
      );
      const rows = new Map(resultRows.map((r) => [r.id, r]));
      const regionNames = await ctx.regions.named(resultRows.map((r) => r.region_code));
      return hits.flatMap((hit) => {
        const row = rows.get(hit.id);
        if (!row) return [];
        const source = row.analysis_md ? markdownToPlainText(row.analysis_md) : row.details;
        const region = regionNames.get(row.region_code);
        return [
          {
            id: row.id,
            title: row.title,
            titleHtml: highlightWhole(row.title, terms),
            snippet: highlightSnippet(source, terms),
            locale: row.locale,
            status: row.status,
            topic: { slug: row.topic_slug, title: locale === 'zh' ? row.topic_title_zh : row.topic_title_en },
            region: {
              code: row.region_code,
              name: (locale === 'zh' ? region?.nameZh : region?.nameEn) ?? row.region_code,
            },
            score: Math.round(hit.score * 1000) / 1000,
            matchedTerms: hit.matchedTerms,
            /** Without language prefix: the page or the API puts the reader's in. */
            path: questionPath(row.id, row.slug),
          },
        ];
      });
    },

    /**
     * Question titles for a partial query, one per translation group, those in the reader's language first (all
     * match every word, so the reader's language simply leads), each part in the engine's title order.
     */
    async suggest(q: string, locale: Locale) {
      const terms = tokeniseQuery(q);
      if (terms.length === 0) return [];
      // More than are shown: members of a group arrive in pairs, and the other language's are put last. The
      // engine ranks its capped title matches the same whatever this limit, so reading more costs little.
      const ids = await index.suggest(db, terms, SUGGESTION_COUNT * 3);
      const members = await searchRepo.listGroupMembers(db, ids);
      // One tier, equal scores, the other language counted at nothing: the reader's language simply first.
      const hits = ids.map((id) => ({ id, score: 1, matchedTerms: terms.length }));
      const byId = new Map(members.map((m) => [m.id, m]));
      return preferReaderLanguage(collapseTranslations(hits, members, locale), Number.POSITIVE_INFINITY, 0)
        .slice(0, SUGGESTION_COUNT)
        .flatMap((hit) => {
          const row = byId.get(hit.id);
          return row
            ? [{ id: row.id, title: row.title, locale: row.locale, path: questionPath(row.id, row.slug) }]
            : [];
        });
    },

    /** What the search page offers to narrow by, named in the reader's language. */
    async filterChoices(locale: Locale) {
      const [topics, regions] = await Promise.all([searchRepo.listTopics(db), ctx.regions.list().then(answerRegions)]);
      return {
        topics: topics.map((t) => ({
          slug: t.slug,
          title: locale === 'zh' ? t.title_zh : t.title_en,
          path: topicPath(t.slug),
        })),
        regions: regions.map((r) => ({ code: r.code, name: locale === 'zh' ? r.nameZh : r.nameEn })),
      };
    },
  };
}

export type QuestionSearch = ReturnType<typeof createQuestionSearch>;
export type SearchOutcome = Awaited<ReturnType<QuestionSearch['search']>>;
