import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, type Viewer } from '../../accounts';
import { errorResponse } from '../../platform/web/api-schemas';
import { NotFound } from '../../platform/web/errors';
import { formRefusal } from '../../platform/web/forms';
import { createI18n, type Locale } from '../../platform/web/i18n';
import { sendPrerenderedPage } from '../../platform/web/prerendered-page';
import { renderPage, sendPage } from '../../platform/web/render';
import { jobResponse, jobSearchResponse } from './api-schemas';
import type { JobApplying } from './applying';
import { parseJobParam } from './cards';
import type { JobPageData } from './job-page-data';
import { createJobPages } from './page-fast-path';
import { jobIdParamsSchema, jobSearchPageQuerySchema, jobSearchQuerySchema } from './schemas';
import { JOBS_PAGE_SIZE } from './search';
import type { JobBoard } from './service';
import { JobPage } from './views/job-page';
import { JobSearchPage } from './views/search-page';

/** The board's reading side: /jobs, /jobs/:id-:slug (with its fast path), /api/v1/jobs, /api/v1/jobs/:id. */
export async function boardRoutes(app: FastifyInstance, opts: { board: JobBoard; applying: JobApplying }) {
  const { board, applying } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/jobs', { schema: { hide: true, querystring: jobSearchPageQuerySchema } }, async (request, reply) => {
    const query = request.query;
    const benefits = board.benefitChoices(request.locale);
    let found = null;
    let error: string | null = null;
    let placeNames: Record<string, string> = {};
    try {
      found = await board.search({ ...query, locale: request.locale });
      placeNames = found.placeNames;
    } catch (err) {
      // An unknown city or tag re-shows the form with the reason, the reader's choices kept.
      const refusal = formRefusal(err, request.i18n);
      error = refusal.summary;
      reply.code(refusal.status);
    }
    return sendPage(request, reply, h(JobSearchPage, { query, found, error, placeNames, benefits }));
  });

  // The page data and the apply panel for nobody signed in, kept a short while per job and language (page-cache.ts)
  // and rendered once for anonymous readers, who are then served by the fast path in the route's onRequest hook.
  const panelOf = (data: JobPageData, viewer: Viewer | null) =>
    applying.panelFor({ id: data.job.id, companyId: data.job.company_id, open: data.state === 'open' }, viewer);
  const loadView = (id: number, locale: Locale) =>
    board.pages.view(id, locale, async () => {
      const data = await board.loadJobPage(id, locale);
      return { data, panel: await panelOf(data, null) };
    });
  const jobPages = createJobPages(board.pages, (view, locale) =>
    renderPage(h(JobPage, { data: view.data, applyPanel: view.panel, csrfToken: null }), {
      i18n: createI18n(locale),
      address: { baseUrl: app.publicBaseUrl ?? 'http://localhost:3000', path: view.data.path },
    }),
  );

  r.get(
    '/jobs/:idSlug',
    { onRequest: jobPages.serveCached, schema: { hide: true, params: z.object({ idSlug: z.string().max(300) }) } },
    async (request, reply) => {
      const parsed = parseJobParam(request.params.idSlug);
      if (!parsed) throw new NotFound('jobs.error.notFoundAt');
      const view = await loadView(parsed.id, request.locale);
      const { data } = view;
      // One URL per job: a missing, stale or mistyped slug redirects to the canonical one.
      if (request.url.split('?')[0] !== data.path) return reply.redirect(request.i18n.path(data.path), 301);
      // Signed-in readers get their own header, apply panel and report form (with their CSRF token); anonymous
      // pages are the same for everyone, their report form on its own page.
      if (request.viewer) {
        const applyPanel = await panelOf(data, request.viewer);
        return sendPage(request, reply, h(JobPage, { data, applyPanel, csrfToken: csrfToken(reply) }));
      }
      return sendPrerenderedPage(request, reply, jobPages.anonymousPage(view, request.locale));
    },
  );

  r.get(
    '/api/v1/jobs',
    {
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags: ['jobs'],
        summary: 'Search open jobs by words and filters, with facet counts',
        description:
          'Words in English or Chinese (segmented, with synonyms: 司机 finds "driver") must all be in a job; ' +
          'filters: city (a city or province code, its districts included), district, salary range (a job ' +
          'matches when its range overlaps the asked one), experience, education, type, benefits (all of the ' +
          'listed tags, comma-separated), company size and industry, posted within N days. Sort: relevance ' +
          `(default with words), newest (default without), salary (highest maximum first). ${JOBS_PAGE_SIZE} a page, pages ` +
          '1–50. Titles and URLs in the language of `lang` (else Accept-Language, else English).',
        querystring: jobSearchQuerySchema,
        response: { 200: jobSearchResponse, 400: errorResponse },
      },
    },
    async (request) => {
      const { lang: _lang, ...query } = request.query;
      const { results, facets, total, page, pageCount, sort, noWords } = await board.search({
        ...query,
        locale: request.locale,
      });
      const url = (path: string) => request.i18n.path(path);
      return {
        total,
        page,
        pageSize: JOBS_PAGE_SIZE,
        pageCount,
        sort,
        message: noWords ? request.i18n.t('jobs.search.noWords') : null,
        facets,
        results: results.map(({ path, titleLocale, company, ...card }) => ({
          ...card,
          locale: titleLocale,
          company: company && { name: company.name, verified: company.verified, url: url(company.path) },
          url: url(path),
        })),
      };
    },
  );

  r.get(
    '/api/v1/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'One job: what it pays, where, what it asks, its benefits and declared social insurance',
        description:
          'Open, expired, paused and closed jobs are shown with their state; drafts, jobs under review or ' +
          'rejected are not found.',
        params: jobIdParamsSchema,
        querystring: z.object({ lang: z.enum(['en', 'zh'], { error: 'jobs.error.lang' }).optional() }),
        response: { 200: jobResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const data = await board.loadJobPage(request.params.id, request.locale);
      const { job, company } = data;
      const url = (path: string) => request.i18n.path(path);
      const name = (region: typeof data.city) =>
        region ? (request.locale === 'zh' ? region.nameZh : region.nameEn) : '';
      return {
        id: job.id,
        url: url(data.path),
        state: data.state,
        titleEn: job.title_en,
        titleZh: job.title_zh,
        descriptionEn: job.description_en_md,
        descriptionZh: job.description_zh_md,
        city: { code: job.region_code, name: name(data.city) },
        district: job.district_code ? { code: job.district_code, name: name(data.district) } : null,
        salary: {
          min: job.salary_min,
          max: job.salary_max,
          months: job.salary_months,
          ...board.salaryText({ min: job.salary_min, max: job.salary_max, months: job.salary_months }),
        },
        experience: job.experience,
        education: job.education,
        type: job.employment_type,
        headcount: job.headcount,
        benefits: data.benefits.map((b) => ({
          key: b.key,
          label: b.label,
          explainerUrl: b.explainer ? url(b.explainer) : null,
        })),
        insurance: {
          base: data.insurance.base,
          amount: data.insurance.amount,
          housingFundRate: data.insurance.housingFundRate,
        },
        company: {
          nameEn: company.nameEn,
          nameZh: company.nameZh,
          industry: company.industry,
          size: company.size,
          verified: company.verified,
          url: url(company.path),
        },
        postedAt: job.posted_at,
        validThrough: job.valid_through,
        demo: job.origin === 'demo',
      };
    },
  );
}
