/** Mail: the outbox and the transport every module sends through. See CONTEXT.md. */
import { type AppDb, ownTables } from '../platform/db/tables';
import { type MailLog, type MailTransport, OutboxMailTransport, silentLog } from './outbox';
import { OutboxSender } from './outbox-sender';
import { createMailPersonalData } from './personal-data';
import { countOutbox } from './repository';
import { type Deliver, smtpDelivery } from './smtp';
import type { MailTables } from './tables';

export { type MailLog, type MailMessage, type MailTransport, OutboxMailTransport, silentLog } from './outbox';
export { MAX_ATTEMPTS, OutboxSender, RETRY_DELAYS_MS } from './outbox-sender';
export { type Deliver, smtpDelivery } from './smtp';
export { MAIL_TABLES, type MailTables } from './tables';

/** How often the sender looks for mail to send. */
export const OUTBOX_DRAIN_MS = 5_000;

export interface MailOptions {
  /** Where the outbox logs queued mail (the app passes its logger). */
  log?: MailLog;
  /** Replaces the outbox (tests that read what was sent). */
  transport?: MailTransport;
  /** The mail server (SMTP_URL) and the sender's address; without it mail stays in the outbox. */
  smtp?: { url: string; from: string };
  /** Delivers instead of SMTP (tests). */
  deliver?: Deliver;
}

export function createMailModule(db: AppDb, options: MailOptions = {}) {
  const mailDb = ownTables<MailTables>(db);
  const log = options.log ?? silentLog;
  const transport = options.transport ?? new OutboxMailTransport(mailDb, log);
  const smtp = options.smtp ? smtpDelivery(options.smtp.url, options.smtp.from) : null;
  const deliver = options.deliver ?? smtp?.deliver;
  const sender = deliver ? new OutboxSender(mailDb, deliver, log) : null;
  return {
    transport,
    /** Null without a mail server: mail stays in the outbox (the app logs so at start). */
    sender,
    /** Starts draining the outbox, if there is a mail server. */
    start(intervalMs = OUTBOX_DRAIN_MS) {
      sender?.start(intervalMs);
    },
    async stop() {
      await sender?.stop();
      smtp?.close();
    },
    counts: () => countOutbox(mailDb),
    /** The privacy module's holder of the mail to a user, whose address accounts answers. */
    personalData: (addressOf: (userId: number) => Promise<string | null>) => createMailPersonalData(mailDb, addressOf),
  };
}

export type MailModule = ReturnType<typeof createMailModule>;
