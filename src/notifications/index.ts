/** Notifications: what happened, for one person, shown under the bell and mailed. See CONTEXT.md. */
import type { AccountService } from '../accounts';
import type { MailTransport } from '../mail';
import { type AppDb, ownTables } from '../platform/db/tables';
import { notificationRoutes } from './routes';
import { createNotificationService } from './service';
import type { NotificationTables } from './tables';

export { registerNotificationBell } from './bell';
export { NOTIFICATIONS_PATH } from './routes';
export type { NotificationInput, NotificationService, Recipient, RecipientDirectory } from './service';
export { NOTIFICATION_TABLES, type NotificationTables } from './tables';

export function createNotificationsModule(
  db: AppDb,
  deps: { mail: MailTransport; accounts: Pick<AccountService, 'contactsOf'>; baseUrl: string },
) {
  const service = createNotificationService(ownTables<NotificationTables>(db), {
    mail: deps.mail,
    // Address and preferred language of each recipient: their mail is written in it.
    recipients: (ids) => deps.accounts.contactsOf(ids),
    baseUrl: deps.baseUrl,
  });
  return {
    service,
    routes: async (app: import('fastify').FastifyInstance) => notificationRoutes(app, { notifications: service }),
  };
}

export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
