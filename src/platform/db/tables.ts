import type { Kysely, Transaction } from 'kysely';

/**
 * The app's one database handle, as platform code sees it: no tables. Each module narrows it to its own tables
 * with ownTables() (docs/decisions/0110-the-house.md); src/database.ts holds the whole schema for tests and tools.
 */
export type AppDb = Kysely<object>;

/** A module's database or one of its transactions, typed with only the module's tables. */
export type ModuleDb<Tables> = Kysely<Tables> | Transaction<Tables>;

/**
 * The app's database seen with only one module's tables: a query naming another module's table does not compile.
 * Kysely's table type is invariant, so the view is a cast; this is the one place it is made.
 */
export function ownTables<Tables>(db: AppDb): Kysely<Tables> {
  return db as unknown as Kysely<Tables>;
}

declare const shared: unique symbol;

/**
 * A transaction handed from one module to another (a hook run inside the caller's transaction): opaque, so the
 * receiver sees only its own tables (ownTransaction) and the caller's stay out of reach.
 */
export interface SharedTransaction {
  readonly [shared]: true;
}

export function shareTransaction<Tables>(trx: Transaction<Tables>): SharedTransaction {
  return trx as unknown as SharedTransaction;
}

export function ownTransaction<Tables>(trx: SharedTransaction): Transaction<Tables> {
  return trx as unknown as Transaction<Tables>;
}

/**
 * The transaction `db` is, to hand to another module's service so its reads run inside it; undefined when `db`
 * is the database itself. SQLite has one connection: a read outside an open transaction waits for it to end,
 * so a service asked from inside one must use it.
 */
export function sharedIfTransaction<Tables>(db: ModuleDb<Tables>): SharedTransaction | undefined {
  return db.isTransaction ? (db as unknown as SharedTransaction) : undefined;
}

/** The module's view of where to run: the caller's transaction when given one, else its own database. */
export function runOn<Tables>(db: Kysely<Tables>, trx: SharedTransaction | undefined): ModuleDb<Tables> {
  return trx === undefined ? db : ownTransaction<Tables>(trx);
}
