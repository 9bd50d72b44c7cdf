import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../accounts';
import { errorResponse } from '../../platform/web/api-schemas';
import { NotFound } from '../../platform/web/errors';
import { createI18n } from '../../platform/web/i18n';
import { sendPrerenderedPage } from '../../platform/web/prerendered-page';
import { renderPage, sendPage } from '../../platform/web/render';
import { questionListResponse, questionResponse, topicResponse } from './api-schemas';
import { createQuestionPages } from './page-fast-path';
import { pageQuerySchema, questionIdParamsSchema, questionListQuerySchema } from './schemas';
import type { QuestionService } from './service';
import { parseQuestionParam } from './slug';
import { CenterPage } from './views/center-page';
import { pageOf } from './views/page-of';
import { QuestionPage } from './views/question-page';
import { TopicPage } from './views/topic-page';

/** The inquiry center's reading side: the center, topics, the Q&A page (with its fast path) and their JSON. */
export async function questionRoutes(app: FastifyInstance, opts: { questions: QuestionService; baseUrl: string }) {
  const { questions: inquiry, baseUrl } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The service hands out the same data object while it is cached, so each is rendered once per language for
  // anonymous readers, who are then served by the fast path in the route's onRequest hook (page-fast-path.ts).
  const questionPages = createQuestionPages(inquiry, (data, locale) =>
    renderPage(pageOf(QuestionPage, data), {
      i18n: createI18n(locale),
      address: { baseUrl, path: data.question.path },
    }),
  );

  // ---- pages ---------------------------------------------------------------------------

  r.get('/social-security', { schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, pageOf(CenterPage, await inquiry.loadCenter(request.locale))),
  );

  r.get(
    '/social-security/topics/:slug',
    { schema: { hide: true, params: z.object({ slug: z.string().max(100) }), querystring: pageQuerySchema } },
    async (request, reply) => {
      const { page } = request.query;
      const list = await inquiry.listQuestions({ topic: request.params.slug, page, locale: request.locale });
      if (page > list.pageCount) throw new NotFound('error.page.pastLast', { page });
      // Always there: listQuestions refuses an unknown topic (404).
      if (!list.topic) throw new NotFound('error.topic.notFound', { slug: request.params.slug });
      return sendPage(request, reply, pageOf(TopicPage, { ...list, topic: list.topic }));
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
      const to = (path: string) => reply.redirect(request.i18n.path(path) + queryString, 301);
      // A question merged into another redirects there; known from the cached page data, so no query per view.
      if (page.duplicateOf) return to(page.duplicateOf.path);
      // A question read in the language of its translation is that translation: one page per language version.
      const { translation } = page.question;
      if (page.question.locale !== request.locale && translation?.locale === request.locale) {
        return to(translation.path);
      }
      // One URL per question: a missing, stale or mistyped slug redirects to the canonical one.
      if (request.url.split('?')[0] !== page.question.path) return to(page.question.path);
      // Signed-in viewers get their own header; anonymous pages are the same for everyone.
      if (request.viewer) {
        const reader = { id: request.viewer.id, mayReview: can(request.viewer, 'answer.review') };
        return sendPage(request, reply, pageOf(QuestionPage, { ...page, reader }));
      }
      return sendPrerenderedPage(request, reply, questionPages.anonymousPage(page, request.locale));
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
    async (request) => {
      const data = await inquiry.loadQuestion(request.params.id, { countView: false });
      return { ...data, related: data.related[request.locale] };
    },
  );
}
