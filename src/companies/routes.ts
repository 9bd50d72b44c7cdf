import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { errorResponse } from '../platform/web/api-schemas';
import { rateLimitOptions } from '../platform/web/rate-limit';
import { sendPage } from '../platform/web/render';
import { employerRoutes } from './employer-routes';
import type { CompanyCard } from './model';
import { moderationRoutes } from './moderation-routes';
import {
  COMPANIES_PAGE_SIZE,
  companyDetailResponse,
  companyListQuerySchema,
  companyListResponse,
  slugParams,
} from './schemas';
import type { CompanyService } from './service';
import { CompanyListPage } from './views/list-page';
import { CompanyProfilePage } from './views/profile-page';

/** A company in the API: names in both languages, never who its members are. */
function companyJson(company: CompanyCard) {
  return {
    slug: company.slug,
    nameZh: company.nameZh,
    nameEn: company.nameEn,
    industry: company.industry,
    size: company.size,
    city: { code: company.city.code, name: company.city.en, nameZh: company.city.zh },
    website: company.website,
    verified: company.verified,
    // Refused companies are never public.
    status: company.status === 'verified' ? ('verified' as const) : ('pending' as const),
    demo: company.demo,
    path: company.path,
  };
}

/** /companies, /companies/:slug and their JSON; the employer's pages and verification in their own files. */
export async function companyRoutes(app: FastifyInstance, opts: { companies: CompanyService }) {
  const { companies } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Only routes that ask for a limit (config.rateLimit) are limited: here, mailing invitations.
  await app.register(rateLimit, rateLimitOptions(app));

  r.get('/companies', { schema: { hide: true, querystring: companyListQuerySchema } }, async (request, reply) => {
    const [list, cities] = await Promise.all([companies.list(request.query), companies.cityChoices()]);
    const filter = { industry: request.query.industry, city: request.query.city };
    return sendPage(request, reply, h(CompanyListPage, { ...list, filter, cities }));
  });

  r.get('/companies/:slug', { schema: { hide: true, params: slugParams } }, async (request, reply) => {
    const profile = await companies.profile(request.params.slug, request.viewer, request.locale);
    return sendPage(request, reply, h(CompanyProfilePage, profile));
  });

  r.get(
    '/api/v1/companies',
    {
      schema: {
        tags: ['companies'],
        summary: `Companies on the jobs board, verified first, ${COMPANIES_PAGE_SIZE} a page, by industry and city`,
        querystring: companyListQuerySchema,
        response: { 200: companyListResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const list = await companies.list(request.query);
      return { ...list, companies: list.companies.map(companyJson) };
    },
  );

  r.get(
    '/api/v1/companies/:slug',
    {
      schema: {
        tags: ['companies'],
        summary: 'One company: its profile in both languages (markdown descriptions) and its open jobs',
        params: slugParams,
        response: { 200: companyDetailResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      // The public's view: no viewer, so a refused company is not found (profile answers NotFound).
      const profile = await companies.profile(request.params.slug, null, request.locale);
      return {
        ...companyJson(profile.company),
        descriptionEn: profile.description.en.markdown,
        descriptionZh: profile.description.zh.markdown,
        openJobs: profile.openJobs,
      };
    },
  );

  await app.register(employerRoutes, { companies });
  await app.register(moderationRoutes, { companies });
}
