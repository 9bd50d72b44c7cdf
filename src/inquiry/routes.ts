import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { notFound } from '../web/errors';
import { renderPage } from '../web/render';
import {
  errorResponse,
  questionListResponse,
  questionResponse,
  topicResponse,
} from './api-schemas';
import { pageQuerySchema, questionIdParamsSchema, questionListQuerySchema } from './schemas';
import type { QuestionSearch } from './search-service';
import { searchRoutes } from './search-routes';
import type { InquiryService, QuestionData } from './service';
import { parseQuestionParam } from './slug';
import { CenterPage } from './views/center-page';
import { QuestionPage } from './views/question-page';
import { TopicPage } from './views/topic-page';

const html = 'text/html; charset=utf-8';

export async function inquiryRoutes(
  app: FastifyInstance,
  opts: { inquiry: InquiryService; search: QuestionSearch; config: AppConfig },
) {
  const { inquiry, search, config } = opts;
  // Only routes that ask for a limit (config.rateLimit) are limited.
  await app.register(rateLimit, { global: false });
  await app.register(searchRoutes, { inquiry, search });
  const baseUrl = config.PUBLIC_BASE_URL;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The service hands out the same data object while it is cached, so each is rendered once.
  const renderedQuestionPages = new WeakMap<QuestionData, string>();

  // ---- pages ---------------------------------------------------------------------------

  r.get('/social-security', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(html).send(renderPage(CenterPage({ ...(await inquiry.loadCenter()), baseUrl }))),
  );

  r.get(
    '/social-security/topics/:slug',
    { schema: { hide: true, params: z.object({ slug: z.string().max(100) }), querystring: pageQuerySchema } },
    async (request, reply) => {
      const list = await inquiry.listQuestions({ topic: request.params.slug, page: request.query.page });
      if (request.query.page > list.pageCount) throw notFound(`Page ${request.query.page} is past the last page`);
      return reply.type(html).send(renderPage(TopicPage({ ...list, baseUrl })));
    },
  );

  r.get(
    '/social-security/questions/:idSlug',
    { schema: { hide: true, params: z.object({ idSlug: z.string().max(300) }) } },
    async (request, reply) => {
      const parsed = parseQuestionParam(request.params.idSlug);
      if (!parsed) throw notFound(`No question at ${request.url}`);
      const page = await inquiry.loadQuestion(parsed.id, { countView: true });
      const queryString = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      // One URL per question: a missing, stale or mistyped slug redirects to the canonical one.
      if (request.url.split('?')[0] !== page.question.path) {
        return reply.redirect(page.question.path + queryString, 301);
      }
      let body = renderedQuestionPages.get(page);
      if (body === undefined) {
        body = renderPage(QuestionPage({ ...page, baseUrl }));
        renderedQuestionPages.set(page, body);
      }
      return reply.type(html).send(body);
    },
  );

  // ---- JSON API ------------------------------------------------------------------------

  r.get(
    '/api/v1/topics',
    {
      schema: {
        tags: ['inquiry'],
        summary: 'The topic tree of the inquiry center, with question counts',
        response: { 200: z.object({ topics: z.array(topicResponse) }) },
      },
    },
    async () => ({ topics: await inquiry.listTopics() }),
  );

  r.get(
    '/api/v1/questions',
    {
      schema: {
        tags: ['inquiry'],
        summary: 'Questions, newest first, 20 a page, optionally of one topic',
        querystring: questionListQuerySchema,
        response: { 200: questionListResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => inquiry.listQuestions({ topic: request.query.topic, page: request.query.page }),
  );

  r.get(
    '/api/v1/questions/:id',
    {
      schema: {
        tags: ['inquiry'],
        summary: 'One question with its published answers, procedure steps and resolved citations',
        params: questionIdParamsSchema,
        response: { 200: questionResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => inquiry.loadQuestion(request.params.id, { countView: false }),
  );
}
