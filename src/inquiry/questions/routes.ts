import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../accounts';
import { errorResponse } from '../../platform/web/api-schemas';
import { NotFound } from '../../platform/web/errors';
import { sendPrerenderedPage } from '../../platform/web/prerendered-page';
import { renderPage, sendPage } from '../../platform/web/render';
import { questionListResponse, questionResponse, topicResponse } from './api-schemas';
import { createQuestionPages } from './page-fast-path';
import { pageQuerySchema, questionIdParamsSchema, questionListQuerySchema } from './schemas';
import type { QuestionService } from './service';
import { parseQuestionParam } from './slug';
import { CenterPage } from './views/center-page';
import { QuestionPage } from './views/question-page';
import { TopicPage } from './views/topic-page';

/** The inquiry center's reading side: the center, topics, the Q&A page (with its fast path) and their JSON. */
export async function questionRoutes(app: FastifyInstance, opts: { questions: QuestionService; baseUrl: string }) {
  const { questions: inquiry, baseUrl } = opts;
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
      if (request.query.page > list.pageCount) throw new NotFound('error.page.pastLast', { page: request.query.page });
      return sendPage(request, reply, TopicPage({ ...list, baseUrl }));
    },
  );

  r.get(
    '/social-security/questions/:idSlug',
    { onRequest: questionPages.serveCached, schema: { hide: true, params: z.object({ idSlug: z.string().max(300) }) } },
    async (request, reply) => {
      const parsed = parseQuestionParam(request.params.idSlug);
      if (!parsed) throw new NotFound('error.question.notFoundAt', { path: request.url });
      const page = await inquiry.loadQuestion(parsed.id, { countView: true });
      const queryString = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      // A question merged into another redirects there; known from the cached page data, so no query per view.
      if (page.duplicateOf) return reply.redirect(page.duplicateOf.path + queryString, 301);
      // One URL per question: a missing, stale or mistyped slug redirects to the canonical one.
      if (request.url.split('?')[0] !== page.question.path) {
        return reply.redirect(page.question.path + queryString, 301);
      }
      // Signed-in viewers get their own header; anonymous pages are the same for everyone.
      if (request.viewer) {
        const reader = { id: request.viewer.id, mayReview: can(request.viewer, 'answer.review') };
        return sendPage(request, reply, QuestionPage({ ...page, baseUrl, reader }));
      }
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
