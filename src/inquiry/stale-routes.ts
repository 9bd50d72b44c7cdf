import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { csrfToken, requireRole } from '../accounts/auth';
import { AppError } from '../web/errors';
import { sendPage } from '../web/render';
import { formBody, idParams } from './answer-form';
import type { StaleAnswerService } from './stale';
import { ImportedAnswersPage, StaleAnswersPage } from './views/stale-page';

/** Editors' list of answers whose cited law was amended, with re-verify and unpublish. */
export async function staleRoutes(app: FastifyInstance, opts: { stale: StaleAnswerService }) {
  const { stale } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/editor/stale', { schema: { hide: true } }, async (request, reply) => {
    requireRole(request, 'editor');
    return sendPage(
      request,
      reply,
      StaleAnswersPage({ answers: await stale.list(), csrfToken: csrfToken(reply), error: null }),
    );
  });

  r.get('/editor/imported', { schema: { hide: true } }, async (request, reply) => {
    requireRole(request, 'editor');
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
      const editor = requireRole(request, 'editor');
      await stale.markReviewed(editor, request.params.id);
      return reply.redirect('/editor/imported', 303);
    },
  );

  for (const action of ['reverify', 'unpublish'] as const) {
    r.post(
      `/editor/stale/:id/${action}`,
      { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
      async (request, reply) => {
        const editor = requireRole(request, 'editor');
        try {
          await stale[action](editor, request.params.id);
          return reply.redirect('/editor/stale', 303);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
          return sendPage(
            request,
            reply.code(409),
            StaleAnswersPage({ answers: await stale.list(), csrfToken: csrfToken(reply), error: error.message }),
          );
        }
      },
    );
  }
}
