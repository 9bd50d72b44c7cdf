import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { DialectName } from './connection';
import { initialSchema } from './migrations/2026-11-25-001-initial-schema';
import { searchIndex } from './migrations/2026-11-25-002-search-index';
import { accounts } from './migrations/2026-11-25-003-accounts';
import { community } from './migrations/2026-11-25-004-community';
import { imports } from './migrations/2026-11-25-005-imports';
import { searchImpacts } from './migrations/2026-11-25-006-search-impacts';
import { house } from './migrations/2026-12-07-007-house';
import { userLocale } from './migrations/2026-12-07-008-user-locale';
import { topicSummariesZh } from './migrations/2026-12-07-009-topic-summaries-zh';
import { markdownCjk } from './migrations/2026-12-07-010-markdown-cjk';
import { jobsBoard } from './migrations/2026-12-07-011-jobs-board';
import { jobValidDays } from './migrations/2026-12-07-012-job-valid-days';
import { cities } from './migrations/2026-12-07-020-cities';
import { resumes } from './migrations/2026-12-07-021-resumes';
import { applications } from './migrations/2026-12-07-022-applications';
import { alerts } from './migrations/2026-12-07-023-alerts';
import { cityOutlets } from './migrations/2026-12-07-024-city-outlets';
import { readyForTraffic } from './migrations/2026-12-07-025-ready-for-traffic';
import { statuteStructureAndAlignment } from './migrations/2026-12-07-026-statute-structure-and-alignment';
import { rateLimitHits } from './migrations/2026-12-07-027-rate-limit-hits';

/**
 * Migrations are listed here in order rather than read from disk, so they work the same
 * under tsx, in tests and in a bundle. Each is a function of the dialect because the
 * few DDL differences (auto-increment ids) are decided once, not sniffed inside a migration.
 */
function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '2026-11-25-001-initial-schema': initialSchema(dialect),
    '2026-11-25-002-search-index': searchIndex(dialect),
    '2026-11-25-003-accounts': accounts(dialect),
    '2026-11-25-004-community': community(dialect),
    '2026-11-25-005-imports': imports(dialect),
    '2026-11-25-006-search-impacts': searchImpacts(dialect),
    '2026-12-07-007-house': house(dialect),
    '2026-12-07-008-user-locale': userLocale(dialect),
    '2026-12-07-009-topic-summaries-zh': topicSummariesZh(dialect),
    '2026-12-07-010-markdown-cjk': markdownCjk(dialect),
    '2026-12-07-011-jobs-board': jobsBoard(dialect),
    '2026-12-07-012-job-valid-days': jobValidDays(dialect),
    '2026-12-07-020-cities': cities(dialect),
    '2026-12-07-021-resumes': resumes(dialect),
    '2026-12-07-022-applications': applications(dialect),
    '2026-12-07-023-alerts': alerts(dialect),
    '2026-12-07-024-city-outlets': cityOutlets(dialect),
    '2026-12-07-025-ready-for-traffic': readyForTraffic(dialect),
    '2026-12-07-026-statute-structure-and-alignment': statuteStructureAndAlignment(dialect),
    '2026-12-07-027-rate-limit-hits': rateLimitHits(dialect),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema.
async function migratorFor(db: Kysely<any>, dialect: DialectName): Promise<Migrator> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  // Kysely looks for its bookkeeping tables in every schema it can see; on a PostgreSQL server that
  // holds several schemas (one per test run, or per tenant) it must be told which one is ours.
  const migrationTableSchema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({ db, provider, migrationTableSchema });
}

/** The names of the migrations this code knows, in order. */
export function knownMigrations(dialect: DialectName): string[] {
  return Object.keys(migrationsFor(dialect)).sort();
}

/**
 * Those of `known` the database has not run (readiness: a server behind its schema is not ready). One read of
 * Kysely's bookkeeping table, not a Migrator (which introspects every table): /readyz asks this on every probe.
 */
// biome-ignore lint/suspicious/noExplicitAny: as above.
export async function pendingMigrations(db: Kysely<any>, known: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const run = new Set(rows.map((row) => row.name));
  return known.filter((name) => !run.has(name));
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema.
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const migrator = await migratorFor(db, dialect);
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
}
