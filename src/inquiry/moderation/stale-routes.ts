import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h, type VNode } from 'preact';
import { csrfToken, requirePermission } from '../../accounts';
import { formBody, formRefusal, idParams } from '../../platform/web/forms';
import { sendPage } from '../../platform/web/render';
import type { StaleAnswerService } from './stale';
import { ImportedAnswersPage, StaleAnswersPage } from './views/stale-page';

/**
 * Editors' list of answers whose cited law was amended, with re-verify and unpublish, and of imported answers to
 * review. Pages in the reader's language; redirects after a post stay in it.
 */
export async function staleRoutes(app: FastifyInstance, opts: { stale: StaleAnswerService }) {
  const { stale } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/editor/stale', { schema: { hide: true } }, async (request, reply) => {
    requirePermission(request, 'answer.review');
    const page = h(StaleAnswersPage, {
      answers: await stale.list(),
      csrfToken: csrfToken(reply),
      error: null,
    }) as VNode;
    return sendPage(request, reply, page);
  });

  r.get('/editor/imported', { schema: { hide: true } }, async (request, reply) => {
    requirePermission(request, 'answer.review');
    const page = h(ImportedAnswersPage, { answers: await stale.listImported(), csrfToken: csrfToken(reply) }) as VNode;
    return sendPage(request, reply, page);
  });

  r.post(
    '/editor/imported/:id/reviewed',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const editor = requirePermission(request, 'answer.review');
      await stale.markReviewed(editor, request.params.id);
      return reply.redirect(request.i18n.path('/editor/imported'), 303);
    },
  );

  for (const action of ['reverify', 'unpublish'] as const) {
    r.post(
      `/editor/stale/:id/${action}`,
      { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
      async (request, reply) => {
        const editor = requirePermission(request, 'answer.review');
        try {
          await stale[action](editor, request.params.id);
          return reply.redirect(request.i18n.path('/editor/stale'), 303);
        } catch (error) {
          const { status, summary, messages } = formRefusal(error, request.i18n);
          const page = h(StaleAnswersPage, {
            answers: await stale.list(),
            csrfToken: csrfToken(reply),
            error: { summary, messages },
          }) as VNode;
          return sendPage(request, reply.code(status), page);
        }
      },
    );
  }
}
