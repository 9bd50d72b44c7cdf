/**
 * The jobs board's reading side: the jobs kind of the search engine kept in step with every write, search with
 * filters and facets, the job page's data, similar jobs, a company's open jobs and the sitemap's. See
 * ../CONTEXT.md and README.md here.
 */
import { type ModuleDb, ownTransaction, type SharedTransaction } from '../../platform/db/tables';
import type { SearchEngine } from '../../platform/search';
import type { Locale } from '../../platform/web/i18n';
import type { SitemapEntry } from '../../platform/web/sitemap-xml';
import type { JobsContext } from '../deps';
import { chinaDate } from '../posting/expiry';
import { salaryEn, salaryZh } from '../salary';
import type { JobTables } from '../tables';
import { cardsOf, describeCompanies, jobCards, jobPath } from './cards';
import { isOpen } from './dates';
import { benefitBits, JOB_KIND, jobDocument } from './documents';
import type { JobFilters } from './filters';
import { loadJobPage } from './job-page-data';
import { createJobPageCache } from './page-cache';
import * as repo from './repository';
import { createJobSearch, type JobSearchInput } from './search';

const REINDEX_BATCH = 500;
/** Jobs a company's profile lists. */
const COMPANY_JOBS_SHOWN = 50;

export function createJobBoard(ctx: JobsContext, engine: SearchEngine) {
  const { db } = ctx;
  const index = engine.index(JOB_KIND);
  const bits = benefitBits(ctx.benefits);
  const finder = createJobSearch({ db, index, regions: ctx.regions, bits, now: () => ctx.now() });
  // The anonymous job pages (page-cache.ts): dropped here whenever what they show changes.
  const pages = createJobPageCache(() => ctx.now(), ctx.invalidation);

  /** The documents of those of these jobs that are open now; the others are to leave the index. */
  async function openDocuments(trx: ModuleDb<JobTables>, ids: number[]) {
    const rows = await repo.listJobsByIds(trx, ids);
    const companies = await describeCompanies(ctx, [...new Set(rows.map((r) => r.company_id))], trx);
    const now = ctx.now();
    const open = rows.filter((row) => {
      const company = companies.get(row.company_id);
      return company !== undefined && isOpen(row, company.status === 'refused', now);
    });
    const [tags, places] = await Promise.all([
      repo.listBenefits(
        trx,
        open.map((r) => r.id),
      ),
      ctx.regions.named(open.flatMap((r) => [r.region_code, ...(r.district_code ? [r.district_code] : [])])),
    ]);
    return open.map((job) =>
      jobDocument(
        {
          job,
          benefits: tags.filter((t) => t.job_id === job.id).map((t) => t.tag),
          company: companies.get(job.company_id)!,
          city: places.get(job.region_code),
          district: job.district_code ? places.get(job.district_code) : undefined,
        },
        bits,
      ),
    );
  }

  const board = {
    /**
     * Re-indexes jobs after a write, inside the write's transaction (a job leaves the index when not open). The
     * posting side calls it for every write that changes what a job page shows, so the cached pages go too: all of
     * them, as any page may list these jobs among its similar jobs (writes are rare next to views).
     */
    async reindexJobs(trx: ModuleDb<JobTables>, ids: number[]): Promise<void> {
      if (ids.length === 0) return;
      pages.forgetAll();
      const docs = await openDocuments(trx, ids);
      await index.store(
        trx,
        docs.map((doc) => index.prepare(doc)),
      );
      const present = new Set(docs.map((d) => d.id));
      for (const id of ids) if (!present.has(id)) await index.remove(trx, id);
    },

    /**
     * A company changed (verified, refused, its profile edited; companies' onCompanyChanged, inside its
     * transaction): its published jobs are reindexed, so a refused company's leave search and alerts, and the
     * names and industry in the others' documents follow.
     */
    async companyChanged(trx: SharedTransaction, companyId: number): Promise<void> {
      // Its paused and closed jobs' pages (not reindexed: not published) show it too, and a refused company's
      // are not found; other pages list its jobs among their similar ones.
      pages.forgetAll();
      const own = ownTransaction<JobTables>(trx);
      await board.reindexJobs(own, await repo.listPublishedIdsOfCompany(own, companyId));
    },

    /**
     * What must hold before serving: the jobs index built for the kind as defined now (rebuilt when new, its
     * layout changed or a rebuild broke off). Jobs past their last day leave it through posting's expireDue
     * (run after this at start: each newly expired job once); searches leave them out by date meanwhile.
     */
    async prepare(onProgress?: (done: number, total: number) => void): Promise<{ rebuiltSearchIndex: boolean }> {
      await index.ensure(db);
      let rebuilt = false;
      if (await index.needsRebuild(db)) {
        await board.reindexAll(onProgress);
        rebuilt = true;
      }
      // The attributes into memory now rather than on the first search (a few seconds at 1 M jobs: decision 0117).
      await index.view(db, []);
      return { rebuiltSearchIndex: rebuilt };
    },

    /** Rebuilds the whole index in batches, one transaction each. */
    async reindexAll(onProgress: (done: number, total: number) => void = () => {}) {
      await index.ensure(db);
      const total = await repo.countPublished(db);
      await index.removeAll(db);
      let done = 0;
      for (let after = 0; ; ) {
        const ids = await repo.listPublishedIdsAfter(db, after, REINDEX_BATCH);
        if (ids.length === 0) break;
        await db.transaction().execute((trx) => board.reindexJobs(trx, ids));
        done += ids.length;
        after = ids[ids.length - 1]!;
        onProgress(done, total);
      }
      await index.rebuilt(db);
      return { indexed: done };
    },

    /** A page of results with the facet counts, as cards in the reader's language. */
    async search(input: JobSearchInput & { locale: Locale }) {
      const found = await finder.search(input);
      const codes = [...found.facets.city, ...found.facets.district].map((f) => f.value);
      if (input.city) codes.push(input.city);
      if (input.district) codes.push(input.district);
      const named = await ctx.regions.named(codes);
      const placeNames = Object.fromEntries(
        [...named].map(([code, region]) => [code, input.locale === 'zh' ? region.nameZh : region.nameEn]),
      );
      return { ...found, placeNames, results: await jobCards(ctx, found.ids, input.locale) };
    },

    /**
     * Open jobs matching a search's words and filters, posted after `since` (to the millisecond), newest first, at
     * most `limit`: what a job alert (src/alerts) tells its owner about. Refuses an unknown city or tag like search.
     */
    async newMatches(
      input: JobFilters & { q: string },
      since: Date,
      limit: number,
    ): Promise<{ id: number; postedAt: string }[]> {
      const ids = await finder.postedSince(input, since, limit);
      const rows = await repo.listJobsByIds(db, ids);
      const after = since.toISOString();
      return rows
        .map((row) => ({ id: row.id, postedAt: row.posted_at ?? row.created_at }))
        .filter((job) => job.postedAt > after)
        .sort((a, b) => (a.postedAt < b.postedAt ? 1 : a.postedAt > b.postedAt ? -1 : b.id - a.id));
    },

    /** The job page's data, or NotFound (see job-page-data.ts for who sees what). */
    loadJobPage: (id: number, locale: Locale) => loadJobPage(ctx, { index }, id, locale),

    /** The anonymous job pages, cached (page-cache.ts); the routes fill them, the fast path reads them. */
    pages,

    /** A company's open jobs, for its profile (registered with companies: provideOpenJobs). */
    async openJobsOf(companyId: number, locale: Locale) {
      const rows = await repo.listOpenJobsOfCompany(db, companyId, chinaDate(ctx.now()), COMPANY_JOBS_SHOWN);
      const cards = await cardsOf(ctx, rows, locale);
      return cards.map((card) => ({
        id: card.id,
        title: card.title,
        path: card.path,
        salary: locale === 'zh' ? card.salary.zh : card.salary.en,
        city: card.place.join(' · '),
      }));
    },

    /**
     * Open jobs for the sitemap, each in the languages it is written in (a post in one language is listed in
     * that one: its page in the other shows it with a notice).
     */
    async sitemapEntries(): Promise<SitemapEntry[]> {
      const rows = await repo.listOpenJobsForSitemap(db, chinaDate(ctx.now()));
      const companies = await ctx.companies.describe([...new Set(rows.map((r) => r.company_id))]);
      return rows
        .filter((row) => companies.get(row.company_id)?.status !== 'refused')
        .map((row) => {
          const path = jobPath(row.id, row.slug);
          return {
            versions: { ...(row.title_en && { en: path }), ...(row.title_zh && { zh: path }) },
            lastModified: row.updated_at,
          };
        });
    },

    /** Both notations of a salary (the API gives both). */
    salaryText: (s: { min: number; max: number; months: number }) => ({ zh: salaryZh(s), en: salaryEn(s) }),

    /** The benefit tags in display order, labelled in the reader's language. */
    benefitChoices: (locale: Locale) => ctx.benefits.map((b) => ({ key: b.key, label: locale === 'zh' ? b.zh : b.en })),
  };
  return board;
}

export type JobBoard = ReturnType<typeof createJobBoard>;
