import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { csrfToken, requireRole } from '../accounts/auth';
import { AppError } from '../web/errors';
import { sendPage } from '../web/render';
import { field, formBody, idParams } from './answer-form';
import type { DuplicateService } from './duplicates';
import { DuplicatePage } from './views/duplicate-page';

/** Editors mark a question as a duplicate of another; the question page route then redirects it. */
export async function duplicateRoutes(app: FastifyInstance, opts: { duplicates: DuplicateService }) {
  const { duplicates } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/editor/questions/:id/duplicate', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    requireRole(request, 'editor');
    const merge = await duplicates.questionToMerge(request.params.id);
    return sendPage(request, reply, DuplicatePage({ merge, csrfToken: csrfToken(reply), target: '', error: null }));
  });

  r.post(
    '/editor/questions/:id/duplicate',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const editor = requireRole(request, 'editor');
      const target = field(request.body, 'target');
      try {
        const merged = await duplicates.markDuplicate(editor, request.params.id, target);
        return reply.redirect(merged.target.path, 303);
      } catch (error) {
        // A refused target shows the form again with what was typed and why; anything else is the error page.
        if (!(error instanceof AppError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
        const merge = await duplicates.questionToMerge(request.params.id);
        return sendPage(
          request,
          reply.code(error.statusCode),
          DuplicatePage({ merge, csrfToken: csrfToken(reply), target, error: error.message }),
        );
      }
    },
  );
}
