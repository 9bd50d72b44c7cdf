/** Mail: the outbox and the transport every module sends through. See CONTEXT.md. */
import { type AppDb, ownTables } from '../platform/db/tables';
import { type MailLog, type MailTransport, OutboxMailTransport, silentLog } from './outbox';
import type { MailTables } from './tables';

export { type MailLog, type MailMessage, type MailTransport, OutboxMailTransport, silentLog } from './outbox';
export { MAIL_TABLES, type MailTables } from './tables';

export interface MailOptions {
  /** Where the outbox logs queued mail (the app passes its logger). */
  log?: MailLog;
  /** Replaces the outbox, e.g. with an SMTP transport. */
  transport?: MailTransport;
}

export function createMailModule(db: AppDb, options: MailOptions = {}) {
  const transport = options.transport ?? new OutboxMailTransport(ownTables<MailTables>(db), options.log ?? silentLog);
  return { transport };
}

export type MailModule = ReturnType<typeof createMailModule>;
