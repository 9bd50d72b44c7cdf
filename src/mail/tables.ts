import type { Generated } from 'kysely';

/** Mail waiting for a transport (see outbox.ts); also written to the log. */
export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body: string;
  created_at: string;
  sent_at: string | null;
}

export interface MailTables {
  outbox: OutboxTable;
}

export const MAIL_TABLES = ['outbox'] as const satisfies readonly (keyof MailTables)[];
