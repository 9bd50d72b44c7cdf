import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, requirePermission } from '../accounts';
import { field, formBody, formRefusal, idParams } from '../platform/web/forms';
import { sendPage } from '../platform/web/render';
import type { CompanyService } from './service';
import { CompanyModerationPage, type ModerationPageProps } from './views/moderation-page';

const doneQuery = z.object({ done: z.enum(['verified', 'refused']).optional() });

/** Verification by editors and admins (`jobs.moderate`): the queue, verify, refuse with a reason. */
export async function moderationRoutes(app: FastifyInstance, opts: { companies: CompanyService }) {
  const { companies } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function queuePage(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: Pick<ModerationPageProps, 'notice' | 'refused'>,
  ) {
    const viewer = requirePermission(request, 'jobs.moderate');
    const queue = await companies.moderationQueue(viewer);
    return sendPage(request, reply, h(CompanyModerationPage, { ...queue, ...shown, csrfToken: csrfToken(reply) }));
  }

  r.get('/moderation/companies', { schema: { hide: true, querystring: doneQuery } }, async (request, reply) =>
    queuePage(request, reply, { notice: request.query.done ?? null }),
  );

  r.post(
    '/moderation/companies/:id/verify',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const viewer = requirePermission(request, 'jobs.moderate');
      await companies.verify(viewer, request.params.id, field(request.body, 'note'));
      return reply.redirect(request.i18n.path('/moderation/companies?done=verified'), 303);
    },
  );

  r.post(
    '/moderation/companies/:id/refuse',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const viewer = requirePermission(request, 'jobs.moderate');
      try {
        await companies.refuse(viewer, request.params.id, field(request.body, 'reason'));
        return reply.redirect(request.i18n.path('/moderation/companies?done=refused'), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        return queuePage(request, reply.code(refusal.status), {
          notice: null,
          refused: { companyId: request.params.id, errors: refusal.errors },
        });
      }
    },
  );
}
