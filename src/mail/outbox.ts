import type { Kysely } from 'kysely';
import { insertOutboxMail } from './repository';
import type { MailTables } from './tables';

/** A mail as its sender wrote it: subject and body already in the recipient's language, links absolute. */
export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text. */
  body: string;
}

/**
 * How the site sends mail: the outbox below, always (a message is stored in the transaction's wake, so a mail
 * server that is down loses nothing); the outbox sender (outbox-sender.ts) hands it to the SMTP server of
 * SMTP_URL. Tests replace the transport to read what was sent.
 */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** The slice of pino (Fastify's logger) the transport uses. */
export interface MailLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

export const silentLog: MailLog = { info() {}, warn() {}, debug() {} };

/**
 * Writes each message to the outbox table (sent_at stays null until the sender delivers it) and the log.
 * Bodies hold one-time tokens (password reset links), so the info level names only recipient and
 * subject; the body is logged at debug level, which is how a developer follows a link without SMTP.
 */
export class OutboxMailTransport implements MailTransport {
  constructor(
    private readonly db: Kysely<MailTables>,
    private readonly log: MailLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: MailMessage): Promise<void> {
    const id = await insertOutboxMail(this.db, { ...message, createdAt: this.now().toISOString() });
    this.log.info({ outboxId: id, to: message.to, subject: message.subject }, 'mail queued in the outbox');
    this.log.debug({ outboxId: id, to: message.to, body: message.body }, 'mail body');
  }
}
