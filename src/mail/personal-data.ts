/**
 * What the outbox keeps of a person, for the privacy module's export and deletion (its PersonalDataHolder, matched by
 * shape so mail needs nothing of privacy; decision 0114). The outbox knows addresses, not users: accounts answers
 * the user's address (wired in src/modules.ts). Export: the subject and times of each message to them, never the
 * body (reset and registration links in it may still work). Forget: every message to the address goes.
 */
import type { Kysely } from 'kysely';
import { deleteMailTo, mailTo } from './repository';
import type { MailTables } from './tables';

export function createMailPersonalData(db: Kysely<MailTables>, addressOf: (userId: number) => Promise<string | null>) {
  return {
    name: 'mail',
    async exportFor(userId: number): Promise<unknown> {
      const address = await addressOf(userId);
      if (address === null) return [];
      return (await mailTo(db, address)).map((m) => ({
        subject: m.subject,
        queuedAt: m.created_at,
        sentAt: m.sent_at,
        failedAt: m.failed_at,
      }));
    },
    async forget(userId: number): Promise<void> {
      const address = await addressOf(userId);
      if (address !== null) await deleteMailTo(db, address);
    },
  };
}
