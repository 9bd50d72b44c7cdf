import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../config';
import type { Services } from '../services';
import { notFound } from '../web/errors';
import { sendPrerenderedPage } from '../web/prerendered-page';
import { renderPage, sendPage } from '../web/render';
import { errorResponse, questionListResponse, questionResponse, topicResponse } from './api-schemas';
import { communityRoutes } from './community-routes';
import { duplicateRoutes } from './duplicate-routes';
import { createQuestionPages } from './page-fast-path';
import { revisionRoutes } from './revision-routes';
import { pageQuerySchema, questionIdParamsSchema, questionListQuerySchema } from './schemas';
import { searchRoutes } from './search-routes';
import { parseQuestionParam } from './slug';
import { staleRoutes } from './stale-routes';
import { CenterPage } from './views/center-page';
import { QuestionPage } from './views/question-page';
import { TopicPage } from './views/topic-page';
import { workflowRoutes } from './workflow-routes';

export async function inquiryRoutes(app: FastifyInstance, opts: { services: Services; config: AppConfig }) {
  const { inquiry, search, workflow, notifications, revisions, duplicates, stale } = opts.services;
  const config = opts.config;
  // Only routes that ask for a limit (config.rateLimit) are limited.
  await app.register(rateLimit, { global: false });
  await app.register(searchRoutes, { inquiry, search });
  await app.register(workflowRoutes, { inquiry, workflow });
  await app.register(communityRoutes, { workflow, notifications });
  await app.register(staleRoutes, { stale });
  await app.register(revisionRoutes, { inquiry, workflow, revisions });
  await app.register(duplicateRoutes, { duplicates });
  const baseUrl = config.PUBLIC_BASE_URL;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The service hands out the same data object while it is cached, so each is rendered once for anonymous
  // readers, who are then served by the fast path in the route's onRequest hook (page-fast-path.ts).
  const questionPages = createQuestionPages(inquiry, (data) => renderPage(QuestionPage({ ...data, baseUrl })));

  // ---- pages ---------------------------------------------------------------------------

  r.get('/social-security', { schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, CenterPage({ ...(await inquiry.loadCenter()), baseUrl })),
  );

  r.get(
    '/social-security/topics/:slug',
    { schema: { hide: true, params: z.object({ slug: z.string().max(100) }), querystring: pageQuerySchema } },
    async (request, reply) => {
      const list = await inquiry.listQuestions({ topic: request.params.slug, page: request.query.page });
      if (request.query.page > list.pageCount) throw notFound(`Page ${request.query.page} is past the last page`);
      return sendPage(request, reply, TopicPage({ ...list, baseUrl }));
    },
  );

  r.get(
    '/social-security/questions/:idSlug',
    { onRequest: questionPages.serveCached, schema: { hide: true, params: z.object({ idSlug: z.string().max(300) }) } },
    async (request, reply) => {
      const parsed = parseQuestionParam(request.params.idSlug);
      if (!parsed) throw notFound(`No question at ${request.url}`);
      const page = await inquiry.loadQuestion(parsed.id, { countView: true });
      const queryString = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      // A question merged into another redirects there; known from the cached page data, so no query per view.
      if (page.duplicateOf) return reply.redirect(page.duplicateOf.path + queryString, 301);
      // One URL per question: a missing, stale or mistyped slug redirects to the canonical one.
      if (request.url.split('?')[0] !== page.question.path) {
        return reply.redirect(page.question.path + queryString, 301);
      }
      // Signed-in viewers get their own header; anonymous pages are the same for everyone.
      if (request.viewer) return sendPage(request, reply, QuestionPage({ ...page, baseUrl }));
      return sendPrerenderedPage(request, reply, questionPages.anonymousPage(page));
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
