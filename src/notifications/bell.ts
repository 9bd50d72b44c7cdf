import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { NotificationService } from './service';

declare module 'fastify' {
  interface FastifyRequest {
    /** Unread notifications of the signed-in viewer, for the bell in the header. */
    unreadNotifications: number;
  }
}

/** Counts the signed-in viewer's unread notifications for the header; anonymous requests pay nothing. */
export const registerNotificationBell = fp(
  async (app: FastifyInstance, opts: { notifications: NotificationService }) => {
    app.decorateRequest('unreadNotifications', 0);
    // A callback hook: anonymous requests (most of them) cost no promise.
    app.addHook('preHandler', (request, _reply, done) => {
      if (!request.viewer) return done();
      opts.notifications.unreadCount(request.viewer.id).then((count) => {
        request.unreadNotifications = count;
        done();
      }, done);
    });
  },
);
