import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { csrfToken, requirePermission } from '../../accounts';
import { formBody, formRefusal, idParams } from '../../platform/web/forms';
import { sendPage } from '../../platform/web/render';
import type { StaleAnswerService } from './stale';
import { ImportedAnswersPage, StaleAnswersPage } from './views/stale-page';

/** Editors' list of answers whose cited law was amended, with re-verify and unpublish. */
export async function staleRoutes(app: FastifyInstance, opts: { stale: StaleAnswerService }) {
  const { stale } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/editor/stale', { schema: { hide: true } }, async (request, reply) => {
    requirePermission(request, 'answer.review');
    return sendPage(
      request,
      reply,
      StaleAnswersPage({ answers: await stale.list(), csrfToken: csrfToken(reply), error: null }),
    );
  });

  r.get('/editor/imported', { schema: { hide: true } }, async (request, reply) => {
    requirePermission(request, 'answer.review');
    return sendPage(
      request,
      reply,
      ImportedAnswersPage({ answers: await stale.listImported(), csrfToken: csrfToken(reply) }),
    );
  });

  r.post(
    '/editor/imported/:id/reviewed',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const editor = requirePermission(request, 'answer.review');
      await stale.markReviewed(editor, request.params.id);
      return reply.redirect('/editor/imported', 303);
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
          return reply.redirect('/editor/stale', 303);
        } catch (error) {
          const refusal = formRefusal(error);
          const page = StaleAnswersPage({
            answers: await stale.list(),
            csrfToken: csrfToken(reply),
            error: refusal.summary,
          });
          return sendPage(request, reply.code(refusal.status), page);
        }
      },
    );
  }
}
