import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Several servers on one PostgreSQL (docs/decisions/0122-several-servers.md): the rate limits of
// @fastify/rate-limit count in one table all processes share, one row per route and client key, its window's end
// in epoch milliseconds. Owned by the platform (src/platform/web/rate-limit.ts). PostgreSQL keeps it unlogged:
// counts of the last minutes need no crash safety and skip the write-ahead log. SQLite has the table (the same
// schema on both engines) but counts in memory: one server per SQLite file.
export function rateLimitHits(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('rate_limit_hits')
        .$call((table) => (dialect === 'postgres' ? table.modifyFront(sql`unlogged`) : table))
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rate_limit_hits_expiry').on('rate_limit_hits').column('expires_at').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('rate_limit_hits').execute();
    },
  };
}
