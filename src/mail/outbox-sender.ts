import type { Kysely } from 'kysely';
import type { MailLog } from './outbox';
import * as repo from './repository';
import type { Deliver } from './smtp';
import type { MailTables } from './tables';

/** Attempts before a message is given up on (failed_at set), and the wait after each failed one. */
export const MAX_ATTEMPTS = 6;
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
/** How long a claimed message is held for the process sending it before another may try. */
const CLAIM_MS = 5 * 60_000;
const BATCH = 20;

/**
 * Drains the outbox: each due message (neither sent nor given up, its next attempt due) is claimed, handed to
 * the mail server, and marked sent, or retried later with a growing wait, or after the last attempt marked
 * failed with the reason. The claim is a conditional update, so several processes on one database never send a
 * message twice at once.
 */
export class OutboxSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: Kysely<MailTables>,
    private readonly deliver: Deliver,
    private readonly log: MailLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Sends what is due now; returns how many were sent and how many failed (for retry or for good). */
  async drain(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (;;) {
      const at = this.now();
      const due = await repo.listDueMail(this.db, at.toISOString(), BATCH);
      if (due.length === 0) break;
      for (const mail of due) {
        const claimed = await repo.claimMail(this.db, mail, at.toISOString(), new Date(at.getTime() + CLAIM_MS));
        if (!claimed) continue;
        const attempts = mail.attempts + 1;
        try {
          await this.deliver({ to: mail.to_address, subject: mail.subject, body: mail.body });
          await repo.markMailSent(this.db, mail.id, this.now().toISOString());
          this.log.info({ outboxId: mail.id, to: mail.to_address, attempts }, 'mail sent');
          sent += 1;
        } catch (error) {
          failed += 1;
          const reason = error instanceof Error ? error.message : String(error);
          if (attempts >= MAX_ATTEMPTS) {
            await repo.markMailFailed(this.db, mail.id, this.now().toISOString(), reason);
            this.log.warn({ outboxId: mail.id, to: mail.to_address, attempts, reason }, 'mail given up');
          } else {
            const wait = RETRY_DELAYS_MS[Math.min(attempts - 1, RETRY_DELAYS_MS.length - 1)]!;
            const next = new Date(this.now().getTime() + wait).toISOString();
            await repo.retryMailAt(this.db, mail.id, next, reason);
            this.log.warn({ outboxId: mail.id, to: mail.to_address, attempts, next, reason }, 'mail not sent');
          }
        }
      }
      if (due.length < BATCH) break;
    }
    return { sent, failed };
  }

  /** Drains every `intervalMs` (and at once) until stopped; a failed drain is logged and tried again. */
  start(intervalMs: number): void {
    const tick = () => {
      if (this.running) return;
      this.running = this.drain()
        .catch((error) => this.log.warn({ err: error }, 'could not drain the outbox'))
        .finally(() => {
          this.running = null;
        });
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a drain under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
