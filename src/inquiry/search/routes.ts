import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h, type VNode } from 'preact';
import { z } from 'zod';
import { errorResponse } from '../../platform/web/api-schemas';
import { formRefusal } from '../../platform/web/forms';
import { sendPage } from '../../platform/web/render';
import { searchPageQuerySchema, searchQuerySchema, suggestQuerySchema } from './schemas';
import type { QuestionSearch } from './service';
import { SearchPage } from './views/search-page';

const searchResponse = z.object({
  query: z.string(),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().describe('Matching questions, counted up to 1000'),
  totalIsCapped: z.boolean(),
  pageCount: z.number().int(),
  tookMs: z.number(),
  message: z.string().nullable().describe('Why there are no results, when the query has nothing to search for'),
  results: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      titleHtml: z.string().describe('Escaped title with matched words in <mark>'),
      snippet: z.string().describe('Escaped excerpt of the answer with matched words in <mark>'),
      locale: z.enum(['en', 'zh']),
      status: z.enum(['answered', 'awaiting']),
      topic: z.object({ slug: z.string(), title: z.string() }),
      region: z.object({ code: z.string(), name: z.string() }),
      score: z.number(),
      matchedTerms: z.number().int(),
      url: z.string().describe("The question's page in the language asked for"),
    }),
  ),
});

export async function searchRoutes(app: FastifyInstance, opts: { search: QuestionSearch }) {
  const { search } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/social-security/search',
    { schema: { hide: true, querystring: searchPageQuerySchema } },
    async (request, reply) => {
      const { q, topic, region, page } = request.query;
      const { topics, regions } = await search.filterChoices(request.locale);
      let found = null;
      let error: string | null = null;
      if (q.trim()) {
        try {
          found = await search.search({ q, topic, region, page, locale: request.locale });
        } catch (err) {
          // A bad filter re-shows the form with the reason and the user's query kept.
          const refusal = formRefusal(err, request.i18n);
          error = refusal.summary;
          reply.code(refusal.status);
        }
      }
      // h(), not a call: the page uses hooks (useI18n), which run only inside the render.
      const view = h(SearchPage, { query: q, topic, region, found, error, topics, regions }) as VNode;
      return sendPage(request, reply, view);
    },
  );

  r.get(
    '/api/v1/search',
    {
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags: ['search'],
        summary: 'Search questions and answers in English or Chinese',
        description:
          'Questions matching every word rank first, then those missing one word, then any word; ' +
          'BM25 (SQLite) or ts_rank (PostgreSQL) within each. One result per translation group, in the ' +
          'language of `lang` (else Accept-Language, else English) when the question has a version in it; ' +
          'among the first 20, questions in that language come first within each tier. URLs are in that language.',
        querystring: searchQuerySchema,
        response: { 200: searchResponse, 400: errorResponse },
      },
    },
    async (request) => {
      const { lang: _lang, ...query } = request.query;
      const { notice, results, ...found } = await search.search({ ...query, locale: request.locale });
      return {
        ...found,
        results: results.map(({ path, ...result }) => ({ ...result, url: request.i18n.path(path) })),
        message: notice === 'no-words' ? request.i18n.t('search.noWords') : null,
      };
    },
  );

  r.get(
    '/api/v1/search/suggest',
    {
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags: ['search'],
        summary: 'Question titles for a partial query (the last word may be incomplete)',
        description:
          'One title per translation group, in the language of `lang` (else Accept-Language, else English) ' +
          'when the question has a version in it; titles in that language first. URLs are in that language.',
        querystring: suggestQuerySchema,
        response: {
          200: z.object({
            suggestions: z.array(
              z.object({ id: z.number().int(), title: z.string(), locale: z.enum(['en', 'zh']), url: z.string() }),
            ),
          }),
          400: errorResponse,
        },
      },
    },
    async (request) => {
      const suggestions = await search.suggest(request.query.q, request.locale);
      return { suggestions: suggestions.map(({ path, ...s }) => ({ ...s, url: request.i18n.path(path) })) };
    },
  );
}
