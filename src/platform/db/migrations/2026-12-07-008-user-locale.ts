import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Each account's preferred language (docs/decisions/0111-chinese-and-english.md): the language
// of the mail we send it ('en' or 'zh'). Accounts made before it get English, the only language they had.
export function userLocale(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('users')
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('users').dropColumn('locale').execute();
    },
  };
}
