import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { csrfToken, requireViewer } from '../accounts/auth';
import { sendPage } from '../web/render';
import { formBody, idParams } from './answer-form';
import type { NotificationService } from './notifications';
import { NotificationsPage } from './views/notifications-page';
import type { WorkflowService } from './workflow-service';

/** Helpful votes, accepting answers, and the viewer's notifications. */
export async function communityRoutes(
  app: FastifyInstance,
  opts: { workflow: WorkflowService; notifications: NotificationService },
) {
  const { workflow, notifications } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/social-security/answers/:id/helpful',
    {
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { hide: true, params: idParams, body: formBody },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { path } = await workflow.voteHelpful(viewer, request.params.id);
      return reply.redirect(path, 303);
    },
  );

  r.post(
    '/social-security/answers/:id/accept',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { path } = await workflow.accept(viewer, request.params.id);
      return reply.redirect(path, 303);
    },
  );

  r.get('/account/notifications', { schema: { hide: true } }, async (request, reply) => {
    const viewer = requireViewer(request);
    return sendPage(
      request,
      reply,
      NotificationsPage({ items: await notifications.list(viewer.id), csrfToken: csrfToken(reply) }),
    );
  });

  r.post(
    '/account/notifications/read',
    { preHandler: app.csrfProtection, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await notifications.markAllRead(viewer.id);
      return reply.redirect('/account/notifications', 303);
    },
  );
}
