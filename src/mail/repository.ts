import type { ModuleDb } from '../platform/db/tables';
import type { MailTables } from './tables';

type Db = ModuleDb<MailTables>;

export async function insertOutboxMail(db: Db, mail: { to: string; subject: string; body: string; createdAt: string }) {
  const row = await db
    .insertInto('outbox')
    .values({ to_address: mail.to, subject: mail.subject, body: mail.body, created_at: mail.createdAt, sent_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
