import nodemailer from 'nodemailer';
import type { MailMessage } from './outbox';

/** Hands one message to a mail server; throws when the server refuses it or cannot be reached. */
export type Deliver = (message: MailMessage) => Promise<void>;

/**
 * Delivery over SMTP, configured by one URL (`smtp://user:pass@host:587`, `smtps://…:465`; nodemailer reads
 * TLS and authentication from it). Plain text, from `from`.
 */
export function smtpDelivery(url: string, from: string): { deliver: Deliver; close(): void } {
  const transporter = nodemailer.createTransport(url);
  return {
    async deliver(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.body });
    },
    close: () => transporter.close(),
  };
}
