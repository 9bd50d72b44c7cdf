import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { MailTransport } from '../accounts/mail';
import type { Database } from '../db/schema';
import type { NotificationTable } from './tables';

export type NotificationKind = NotificationTable['kind'];

declare module 'fastify' {
  interface FastifyRequest {
    /** Unread notifications of the signed-in viewer, for the bell in the header. */
    unreadNotifications: number;
  }
}

/**
 * Tells people what happened to their questions and answers: a row per person (the bell and
 * /account/notifications) and a mail through the outbox.
 */
export function createNotificationService(
  db: Kysely<Database>,
  mail: MailTransport,
  baseUrl: string,
  now: () => Date = () => new Date(),
) {
  return {
    async notify(userIds: (number | null | undefined)[], kind: NotificationKind, message: string, link: string) {
      const ids = [...new Set(userIds.filter((id): id is number => typeof id === 'number'))];
      if (ids.length === 0) return;
      const createdAt = now().toISOString();
      await db
        .insertInto('notifications')
        .values(ids.map((user_id) => ({ user_id, kind, message, link, created_at: createdAt, read_at: null })))
        .execute();
      const users = await db.selectFrom('users').select(['email']).where('id', 'in', ids).execute();
      for (const user of users) {
        await mail.send({ to: user.email, subject: message, body: `${message}\n\n${baseUrl}${link}\n` });
      }
    },

    async unreadCount(userId: number) {
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    list(userId: number) {
      return db
        .selectFrom('notifications')
        .select(['id', 'kind', 'message', 'link', 'created_at', 'read_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(50)
        .execute();
    },

    async markAllRead(userId: number) {
      await db
        .updateTable('notifications')
        .set({ read_at: now().toISOString() })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .execute();
    },

    /** Followers of an answer: its question's asker and everyone who found it helpful. */
    async follow(answerId: number, userId: number) {
      await db
        .insertInto('answer_follows')
        .values({ answer_id: answerId, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    async followers(answerId: number) {
      const rows = await db.selectFrom('answer_follows').select('user_id').where('answer_id', '=', answerId).execute();
      return rows.map((r) => r.user_id);
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;

/** Counts the signed-in viewer's unread notifications for the header; anonymous requests pay nothing. */
export const registerNotificationCount = fp(
  async (app: FastifyInstance, opts: { notifications: NotificationService }) => {
    app.decorateRequest('unreadNotifications', 0);
    app.addHook('preHandler', (request, _reply, done) => {
      if (!request.viewer) return done();
      opts.notifications.unreadCount(request.viewer.id).then((count) => {
        request.unreadNotifications = count;
        done();
      }, done);
    });
  },
);
