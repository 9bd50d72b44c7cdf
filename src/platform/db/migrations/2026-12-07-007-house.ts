import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../connection';

/** A notification's parameters, read back from the English text it was stored as before this migration. */
export function legacyNotificationParams(kind: string, message: string): Record<string, string> {
  const quoted = /“(.*)”/s.exec(message);
  const title = quoted?.[1] ?? message;
  if (kind === 'rejected') {
    const reason = /” was sent back: (.*)$/s.exec(message)?.[1] ?? '';
    return { title, reason };
  }
  return { title };
}

// Frozen in time. The house (docs/decisions/0110-the-house.md):
// - the search engine indexes kinds, each in tables of its own made by the engine (src/platform/search/); the
//   single-kind tables go, and the first start rebuilds the index (search_kinds has no row for the kind yet);
// - notifications store their parameters instead of their English text.
export function house(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'sqlite') {
        for (const table of ['search_fts', 'search_titles', 'search_impacts', 'search_impact_bands', 'search_stats']) {
          await sql`drop table if exists ${sql.raw(table)}`.execute(db);
        }
      } else {
        await sql`drop table if exists search_documents`.execute(db);
      }
      await db.schema
        .createTable('search_kinds')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('layout', 'text', (c) => c.notNull())
        .addColumn('documents', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .alterTable('notifications')
        .addColumn('params_json', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      const rows = await db.selectFrom('notifications').select(['id', 'kind', 'message']).execute();
      for (const row of rows as { id: number; kind: string; message: string }[]) {
        const params = JSON.stringify(legacyNotificationParams(row.kind, row.message));
        await db.updateTable('notifications').set({ params_json: params }).where('id', '=', row.id).execute();
      }
      await db.schema.alterTable('notifications').dropColumn('message').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema
        .alterTable('notifications')
        .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.alterTable('notifications').dropColumn('params_json').execute();
      await db.schema.dropTable('search_kinds').ifExists().execute();
    },
  };
}
