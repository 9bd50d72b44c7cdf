import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { csrfToken, requireViewer } from '../accounts';
import { formBody } from '../platform/web/forms';
import { sendPage } from '../platform/web/render';
import type { NotificationService } from './service';
import { NotificationsPage } from './views/notifications-page';

/** Without language prefix (the header and redirects put the reader's in). */
export const NOTIFICATIONS_PATH = '/account/notifications';

/** The viewer's notifications, and marking them read. */
export async function notificationRoutes(app: FastifyInstance, opts: { notifications: NotificationService }) {
  const { notifications } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(NOTIFICATIONS_PATH, { schema: { hide: true } }, async (request, reply) => {
    const viewer = requireViewer(request);
    const items = await notifications.list(viewer.id);
    // Made with h(), not called, so the page renders inside the request's I18n context (its useI18n works).
    const page = h(NotificationsPage, { items, csrfToken: csrfToken(reply) });
    return sendPage(request, reply, page);
  });

  r.post(
    `${NOTIFICATIONS_PATH}/read`,
    { preHandler: app.csrfProtection, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await notifications.markAllRead(viewer.id);
      return reply.redirect(request.i18n.path(NOTIFICATIONS_PATH), 303);
    },
  );
}
