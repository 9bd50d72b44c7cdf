import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h, type VNode } from 'preact';
import { z } from 'zod';
import { errorResponse } from '../platform/web/api-schemas';
import { rateLimitOptions } from '../platform/web/rate-limit';
import { sendPage } from '../platform/web/render';
import { citationLabelIn, type FailedCitation, type ResolvedCitation } from './citations';
import type { StatuteService } from './service';
import { ArticlePage } from './views/article-page';
import { LibraryPage } from './views/library-page';
import { articleName, statuteTitle, suggestionReasonText } from './views/names';
import { StatutePage } from './views/statute-page';

// Messages are catalogue keys: a refused address is explained in the reader's language.
const slugParams = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,100}$/, 'laws.error.slug'),
});
const versionParams = slugParams.extend({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'laws.error.versionDate'),
});
const articleParams = slugParams.extend({
  n: z.coerce
    .number({ error: 'laws.error.articleNumber' })
    .int('laws.error.articleNumber')
    .min(1, 'laws.error.articleNumber')
    .max(10_000, 'laws.error.articleNumber'),
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
  inForce: z.boolean(),
  versions: z.array(z.object({ date: z.string(), inForce: z.boolean() })),
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
      part: z.string().nullable(),
      subpart: z.string().nullable(),
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

const suggestQuery = z.object({
  q: z.string({ error: 'suggest.error.q' }).trim().min(1, 'suggest.error.q').max(500, 'suggest.error.q'),
  limit: z.coerce
    .number({ error: 'suggest.error.limit' })
    .int('suggest.error.limit')
    .min(1, 'suggest.error.limit')
    .max(20, 'suggest.error.limit')
    .default(5),
  lang: z.enum(['zh', 'en']).optional(),
});
const suggestResponse = z.object({
  suggestions: z.array(
    z.object({
      slug: z.string(),
      number: z.number().int(),
      label: z.string(),
      name: z.string(),
      titleZh: z.string(),
      titleEn: z.string(),
      excerpt: z.string(),
      citation: z.string(),
      path: z.string(),
      score: z.number(),
      reasons: z.array(z.object({ kind: z.string(), text: z.string(), path: z.string().optional() })),
    }),
  ),
});

/** The language of the API's problem texts (else Accept-Language, else English: `request.i18n`). */
const langQuery = z.object({ lang: z.enum(['zh', 'en']).optional() });

export async function statuteRoutes(app: FastifyInstance, opts: { statutes: StatuteService }) {
  const { statutes } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Only routes that ask for a limit (config.rateLimit) are limited; registered in this scope so pages pay nothing.
  await app.register(rateLimit, rateLimitOptions(app));

  // Pages as elements, not called: their hooks (useI18n) run inside the render, in the request's language. (`as
  // VNode`: sendPage takes a VNode<{}>, which an element with props does not fit.)
  r.get('/laws', { schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, h(LibraryPage, { statutes: await statutes.listStatutes() }) as VNode),
  );
  r.get('/laws/:slug', { schema: { hide: true, params: slugParams } }, async (request, reply) =>
    sendPage(request, reply, h(StatutePage, await statutes.getStatute(request.params.slug)) as VNode),
  );
  r.get('/laws/:slug/versions/:date', { schema: { hide: true, params: versionParams } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      h(StatutePage, await statutes.getStatute(request.params.slug, request.params.date)) as VNode,
    ),
  );
  r.get('/laws/:slug/articles/:n', { schema: { hide: true, params: articleParams } }, async (request, reply) =>
    sendPage(request, reply, h(ArticlePage, await statutes.getArticle(request.params.slug, request.params.n)) as VNode),
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
  r.get(
    '/api/v1/statutes/suggest',
    {
      // Reads only, but scoring every candidate is work: a per-IP limit keeps it from being used as a load generator.
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['statutes'],
        summary: 'Suggested legal basis: the articles in force a question most likely needs, each with why',
        description:
          'Combines answers to similar questions and the articles they cite, the article texts, the topic and ' +
          'everyday words (docs/decisions/0119-legal-basis-suggestions.md). Names and reasons in `lang`, else ' +
          'the language Accept-Language prefers.',
        querystring: suggestQuery,
        response: { 200: suggestResponse, 400: errorResponse },
      },
    },
    async (request) => {
      const { i18n } = request;
      const found = await statutes.suggestLegalBasis(request.query.q, { limit: request.query.limit });
      return {
        suggestions: found.map((s) => ({
          slug: s.slug,
          number: s.number,
          label: s.label,
          name: `${statuteTitle(i18n, s)} ${articleName(i18n, s.number, s.label)}`,
          titleZh: s.titleZh,
          titleEn: s.titleEn,
          excerpt: s.excerpt,
          citation: s.citation,
          path: i18n.path(`/laws/${s.slug}/articles/${s.number}`),
          score: s.score,
          reasons: s.reasons.map((reason) => ({
            kind: reason.kind,
            text: suggestionReasonText(i18n, reason),
            ...(reason.kind === 'similar' ? { path: i18n.path(reason.question.path) } : {}),
          })),
        })),
      };
    },
  );
  r.post(
    '/api/v1/citations/resolve',
    {
      // Reads only, but parsing is work: a per-IP limit keeps it from being used as a load generator.
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['statutes'],
        summary: 'Find statute citations in free text (English or Chinese) and resolve each to an article in force',
        description:
          'Labels and why a citation fails (`reason`) are written in `lang`, else the language Accept-Language prefers.',
        querystring: langQuery,
        body: z.object({
          text: z
            .string({ error: 'citation.error.textMissing' })
            .min(1, 'citation.error.textMissing')
            .max(10_000, 'citation.error.textTooLong'),
        }),
        response: { 200: resolveResponse, 400: errorResponse },
      },
    },
    async (request) => {
      const { i18n } = request;
      const separator = i18n.locale === 'zh' ? '；' : '; ';
      const reason = (problems: FailedCitation['problems']) => problems.map((p) => i18n.text(p)).join(separator);
      const label = (c: ResolvedCitation) =>
        citationLabelIn(i18n.locale, c.statute, c.article, [{ paragraph: c.paragraph, item: c.item }]);
      return {
        citations: (await statutes.resolveCitations(request.body.text)).map((c) =>
          c.ok
            ? { ...c, label: label(c) }
            : { ok: false as const, raw: c.raw, span: c.span, reason: reason(c.problems) },
        ),
      };
    },
  );
}
