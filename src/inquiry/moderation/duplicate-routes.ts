import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h, type VNode } from 'preact';
import { csrfToken, requirePermission } from '../../accounts';
import { field, formBody, formRefusal, idParams } from '../../platform/web/forms';
import { sendPage } from '../../platform/web/render';
import type { DuplicateService } from './duplicates';
import { DuplicatePage } from './views/duplicate-page';

/**
 * Editors mark a question as a duplicate of another; the question page route then redirects it. The form is in the
 * reader's language, and so is the target it lands on.
 */
export async function duplicateRoutes(app: FastifyInstance, opts: { duplicates: DuplicateService }) {
  const { duplicates } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/editor/questions/:id/duplicate', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    requirePermission(request, 'answer.review');
    const merge = await duplicates.questionToMerge(request.params.id);
    return sendPage(
      request,
      reply,
      h(DuplicatePage, { merge, csrfToken: csrfToken(reply), target: '', error: null }) as VNode,
    );
  });

  r.post(
    '/editor/questions/:id/duplicate',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const editor = requirePermission(request, 'answer.review');
      const target = field(request.body, 'target');
      try {
        const merged = await duplicates.markDuplicate(editor, request.params.id, target);
        return reply.redirect(request.i18n.path(merged.target.path), 303);
      } catch (error) {
        // A refused target shows the form again with what was typed and why; anything else is the error page.
        const refusal = formRefusal(error, request.i18n);
        const merge = await duplicates.questionToMerge(request.params.id);
        const page = h(DuplicatePage, { merge, csrfToken: csrfToken(reply), target, error: refusal.summary }) as VNode;
        return sendPage(request, reply.code(refusal.status), page);
      }
    },
  );
}
