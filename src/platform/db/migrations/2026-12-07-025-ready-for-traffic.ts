import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Issue 17 (ready for real traffic, docs/decisions/0120-ready-for-traffic.md):
// - sign-in failures remember the client address, so sign-in is throttled by e-mail and by address;
// - a registration waits for its link (registration_requests), so the form never says whether an e-mail has an
//   account;
// - the outbox is drained by a sender with retries: how often it tried, when it may try again, why it failed.
export function readyForTraffic(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('sign_in_failures')
        .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .createIndex('sign_in_failures_address')
        .on('sign_in_failures')
        .columns(['address', 'created_at'])
        .execute();

      await db.schema
        .createTable('registration_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createIndex('registration_requests_expiry')
        .on('registration_requests')
        .columns(['expires_at'])
        .execute();

      await db.schema
        .alterTable('outbox')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('outbox').addColumn('next_attempt_at', 'text').execute();
      await db.schema.alterTable('outbox').addColumn('failed_at', 'text').execute();
      await db.schema.alterTable('outbox').addColumn('last_error', 'text').execute();
      // The sender asks for the mail due now: neither sent nor given up.
      await db.schema
        .createIndex('outbox_due')
        .on('outbox')
        .columns(['sent_at', 'failed_at', 'next_attempt_at'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('outbox_due').ifExists().execute();
      for (const column of ['last_error', 'failed_at', 'next_attempt_at', 'attempts']) {
        await db.schema.alterTable('outbox').dropColumn(column).execute();
      }
      await db.schema.dropTable('registration_requests').ifExists().execute();
      await db.schema.dropIndex('sign_in_failures_address').ifExists().execute();
      await db.schema.alterTable('sign_in_failures').dropColumn('address').execute();
    },
  };
}
