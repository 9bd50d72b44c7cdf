import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. How many days a job stays open once published or renewed, as its employer asked (1–90): a draft
// has no valid-through date yet (it is counted from the day an editor approves it), so the days are kept apart.
export function jobValidDays(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('jobs')
        .addColumn('valid_days', 'integer', (c) => c.notNull().defaultTo(30))
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('jobs').dropColumn('valid_days').execute();
    },
  };
}
