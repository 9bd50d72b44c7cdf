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

export interface DueMail {
  id: number;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
  next_attempt_at: string | null;
}

/** Mail neither sent nor given up whose next attempt is due, oldest first. */
export function listDueMail(db: Db, now: string, limit: number): Promise<DueMail[]> {
  return db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'subject', 'body', 'attempts', 'next_attempt_at'])
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Takes a message for this process until `until`, counting the attempt: only if it is still as it was read
 * (another process has not claimed or sent it since). True when this call took it.
 */
export async function claimMail(db: Db, mail: DueMail, now: string, until: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ attempts: mail.attempts + 1, next_attempt_at: until.toISOString() })
    .where('id', '=', mail.id)
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('attempts', '=', mail.attempts)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markMailSent(db: Db, id: number, now: string) {
  await db
    .updateTable('outbox')
    .set({ sent_at: now, next_attempt_at: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

export async function retryMailAt(db: Db, id: number, next: string, reason: string) {
  await db
    .updateTable('outbox')
    .set({ next_attempt_at: next, last_error: reason.slice(0, 1000) })
    .where('id', '=', id)
    .execute();
}

export async function markMailFailed(db: Db, id: number, now: string, reason: string) {
  await db
    .updateTable('outbox')
    .set({ failed_at: now, next_attempt_at: null, last_error: reason.slice(0, 1000) })
    .where('id', '=', id)
    .execute();
}

/** How many messages wait, and how many were given up (for the metrics). */
export async function countOutbox(db: Db): Promise<{ waiting: number; failed: number }> {
  const count = async (given: 'waiting' | 'failed') => {
    const query = db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n'));
    const row = await (given === 'failed'
      ? query.where('failed_at', 'is not', null)
      : query.where('sent_at', 'is', null).where('failed_at', 'is', null)
    ).executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return { waiting: await count('waiting'), failed: await count('failed') };
}

/** The mail to one address, oldest first (a person's data export): never the body, which may hold a one-time link. */
export function mailTo(db: Db, address: string) {
  return db
    .selectFrom('outbox')
    .select(['subject', 'created_at', 'sent_at', 'failed_at'])
    .where('to_address', '=', address)
    .orderBy('id')
    .execute();
}

/** Forgets every message to one address (a deleted account). */
export async function deleteMailTo(db: Db, address: string): Promise<void> {
  await db.deleteFrom('outbox').where('to_address', '=', address).execute();
}
