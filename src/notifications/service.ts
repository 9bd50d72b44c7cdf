import type { Kysely } from 'kysely';
import type { MailTransport } from '../mail';
import { createI18n, type I18n, type Locale } from '../platform/web/i18n';
import { isMessageKey, type MessageKey, type MessageParams } from '../platform/web/messages';
import { absoluteUrl } from '../platform/web/render';
import * as repo from './repository';
import type { NotificationTables } from './tables';

/** What happened: a kind with its message `notifications.<kind>` in the catalogue, its parameters and a link. */
export interface NotificationInput {
  kind: string;
  params: MessageParams;
  /** A path on this site, without language prefix (each reader gets it in their language). */
  link: string;
}

/** Someone to write to: their address and the language they asked for (`users.locale`). */
export interface Recipient {
  id: number;
  email: string;
  locale: Locale;
}

/** Who gets mail: accounts answers with the address and language of each of these users. */
export type RecipientDirectory = (userIds: number[]) => Promise<Recipient[]>;

export const LIST_SIZE = 50;

function messageKey(kind: string): MessageKey {
  const key = `notifications.${kind}`;
  if (!isMessageKey(key)) throw new Error(`No message for notifications of kind "${kind}"`);
  return key;
}

/** The stored parameters, read back; anything but a flat object of strings and numbers is dropped. */
function readParams(json: string): MessageParams {
  const parsed: unknown = JSON.parse(json);
  const params: MessageParams = Object.create(null);
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const [name, value] of Object.entries(parsed)) {
      if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
  }
  return params;
}

/** A notification in the words of the reader's language (the list shows it; a mail is written with it). */
export function notificationText(i18n: I18n, kind: string, params: MessageParams): string {
  return i18n.t(messageKey(kind), params);
}

/**
 * Tells people what happened to their questions, answers (and later applications): a row per person (the bell
 * and /account/notifications) and a mail through the mail module's transport. Rows keep the kind and its
 * parameters, not text: the list writes them in the language of the page it is read on, and each mail is
 * written in its recipient's language, with links under that language's prefix.
 */
export function createNotificationService(
  db: Kysely<NotificationTables>,
  deps: { mail: MailTransport; recipients: RecipientDirectory; baseUrl: string },
  now: () => Date = () => new Date(),
) {
  return {
    async notify(userIds: (number | null | undefined)[], input: NotificationInput) {
      const ids = [...new Set(userIds.filter((id): id is number => typeof id === 'number'))];
      if (ids.length === 0) return;
      // Checked before anything is stored: an unknown kind is a programming error.
      messageKey(input.kind);
      const createdAt = now().toISOString();
      const params_json = JSON.stringify(input.params);
      await repo.insertNotifications(
        db,
        ids.map((user_id) => ({ user_id, kind: input.kind, params_json, link: input.link, created_at: createdAt })),
      );
      for (const recipient of await deps.recipients(ids)) {
        const i18n = createI18n(recipient.locale);
        const text = notificationText(i18n, input.kind, input.params);
        const body = i18n.t('notifications.mailBody', {
          text,
          link: absoluteUrl(deps.baseUrl, recipient.locale, input.link),
          account: absoluteUrl(deps.baseUrl, recipient.locale, '/account'),
        });
        await deps.mail.send({ to: recipient.email, subject: text, body });
      }
    },

    unreadCount: (userId: number) => repo.countUnread(db, userId),

    /** The newest notifications of a person: kind and parameters, written in words by the page that shows them. */
    async list(userId: number) {
      const rows = await repo.listLatest(db, userId, LIST_SIZE);
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        params: readParams(row.params_json),
        link: row.link,
        createdAt: row.created_at,
        read: row.read_at !== null,
      }));
    },

    markAllRead: (userId: number) => repo.markAllRead(db, userId, now().toISOString()),
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
export type NotificationItem = Awaited<ReturnType<NotificationService['list']>>[number];
