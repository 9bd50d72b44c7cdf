import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse } from '../platform/web/api-schemas';
import { messageText } from '../platform/web/messages';
import { sendPage } from '../platform/web/render';
import type { StatuteService } from './service';
import { ArticlePage } from './views/article-page';
import { LibraryPage } from './views/library-page';
import { StatutePage } from './views/statute-page';

const slugParams = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,100}$/, 'a statute slug such as social-insurance-law'),
});
const articleParams = slugParams.extend({
  n: z.coerce.number().int('article numbers are whole numbers').min(1).max(10_000),
});

const statuteSummary = z.object({
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  shortTitleEn: z.string(),
  level: z.string(),
  tier: z.string(),
  versionDate: z.string(),
  articleCount: z.number().int(),
});
const statuteResponse = z.object({
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  shortTitleEn: z.string(),
  level: z.string(),
  versionDate: z.string(),
  history: z.array(z.string()),
  preamble: z.string().nullable(),
  sourceRef: z.string(),
  articles: z.array(
    z.object({
      number: z.number().int(),
      label: z.string(),
      chapter: z.string().nullable(),
      section: z.string().nullable(),
      text: z.string(),
    }),
  ),
});
const articleResponse = z.object({
  statute: z.object({
    slug: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    shortTitleEn: z.string(),
    versionDate: z.string(),
  }),
  number: z.number().int(),
  label: z.string(),
  text: z.string(),
  citedBy: z.array(z.object({ id: z.number().int(), slug: z.string(), title: z.string(), locale: z.string() })),
});
const resolveResponse = z.object({
  citations: z.array(
    z.union([
      z.object({
        ok: z.literal(true),
        raw: z.string(),
        span: z.tuple([z.number().int(), z.number().int()]),
        label: z.string(),
        statute: z.object({
          slug: z.string(),
          titleZh: z.string(),
          titleEn: z.string(),
          shortTitleEn: z.string(),
          versionDate: z.string(),
        }),
        article: z.object({ id: z.number().int(), number: z.number().int(), label: z.string(), text: z.string() }),
        paragraph: z.number().int().nullable(),
        item: z.number().int().nullable(),
      }),
      z.object({
        ok: z.literal(false),
        raw: z.string(),
        span: z.tuple([z.number().int(), z.number().int()]),
        reason: z.string(),
      }),
    ]),
  ),
});

export async function statuteRoutes(app: FastifyInstance, opts: { statutes: StatuteService; baseUrl: string }) {
  const { statutes, baseUrl } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Only routes that ask for a limit (config.rateLimit) are limited; registered in this scope so pages pay nothing.
  await app.register(rateLimit, { global: false });

  r.get('/laws', { schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, LibraryPage({ statutes: await statutes.listStatutes(), baseUrl })),
  );
  r.get('/laws/:slug', { schema: { hide: true, params: slugParams } }, async (request, reply) =>
    sendPage(request, reply, StatutePage({ ...(await statutes.getStatute(request.params.slug)), baseUrl })),
  );
  r.get('/laws/:slug/articles/:n', { schema: { hide: true, params: articleParams } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      ArticlePage({ ...(await statutes.getArticle(request.params.slug, request.params.n)), baseUrl }),
    ),
  );

  r.get(
    '/api/v1/statutes',
    {
      schema: {
        tags: ['statutes'],
        summary: 'The statute library',
        response: { 200: z.object({ statutes: z.array(statuteSummary) }) },
      },
    },
    async () => ({ statutes: await statutes.listStatutes() }),
  );
  r.get(
    '/api/v1/statutes/:slug',
    {
      schema: {
        tags: ['statutes'],
        summary: 'One statute in the version in force, with all its articles',
        params: slugParams,
        response: { 200: statuteResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => statutes.getStatute(request.params.slug),
  );
  r.get(
    '/api/v1/statutes/:slug/articles/:n',
    {
      schema: {
        tags: ['statutes'],
        summary: 'One article in the version in force, with the published questions whose answers cite it',
        params: articleParams,
        response: { 200: articleResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => statutes.getArticle(request.params.slug, request.params.n),
  );
  r.post(
    '/api/v1/citations/resolve',
    {
      // Reads only, but parsing is work: a per-IP limit keeps it from being used as a load generator.
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['statutes'],
        summary: 'Find statute citations in free text (English or Chinese) and resolve each to an article in force',
        body: z.object({
          text: z.string().min(1, 'text is empty').max(10_000, 'text is longer than 10,000 characters'),
        }),
        response: { 200: resolveResponse, 400: errorResponse },
      },
    },
    async (request) => ({
      citations: (await statutes.resolveCitations(request.body.text)).map((c) =>
        c.ok ? c : { ok: false as const, raw: c.raw, span: c.span, reason: c.problems.map(messageText).join('; ') },
      ),
    }),
  );
}
