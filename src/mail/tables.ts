import type { Generated } from 'kysely';

/** Mail waiting for a transport (see outbox.ts); also written to the log. */
export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body: string;
  created_at: string;
  sent_at: string | null;
  /** Sending attempts so far (the sender's, outbox-sender.ts). */
  attempts: Generated<number>;
  /** Not before this time (backoff after a failed attempt); null: at once. */
  next_attempt_at: string | null;
  /** Given up on (after the last attempt); the reason is in last_error. */
  failed_at: string | null;
  last_error: string | null;
}

export interface MailTables {
  outbox: OutboxTable;
}

export const MAIL_TABLES = ['outbox'] as const satisfies readonly (keyof MailTables)[];
