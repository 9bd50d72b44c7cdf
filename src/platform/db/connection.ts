import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type Invalidation, localInvalidation, postgresInvalidation } from './invalidation';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<object>;
  dialect: DialectName;
  /** Closes the invalidation listener, then the database. */
  destroy(): Promise<void>;
  /** Tells the site's processes which cached data changed (PostgreSQL: all of them; SQLite: this one). */
  invalidation: Invalidation;
  /** PostgreSQL's connection pool now (for /metrics); SQLite has one connection and no pool. */
  pool?: () => { total: number; idle: number; waiting: number };
}

export interface ConnectOptions {
  /** Called for every query; the app wires it to the request logger at debug level. */
  onQuery?: (event: LogEvent) => void;
}

/** The dialect is decided once from the URL and handed to whoever needs it, never sniffed later. */
export function dialectOf(url: string): DialectName {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new Error(`Unsupported DATABASE_URL "${url}": use file:PATH or postgres://…`);
}

/**
 * Kysely's SQLite driver prepares every statement anew; preparing costs about twice as much as running a
 * small query. Pages run the same few statements over and over, so keep the prepared ones (bounded).
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export function connect(url: string, options: ConnectOptions = {}): DatabaseHandle {
  const dialect = dialectOf(url);
  const log = options.onQuery;
  if (dialect === 'sqlite') {
    const path = url.slice('file:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const sqlite = new SQLite(path);
    // WAL lets readers carry on while a writer commits. FULL syncs the log at every commit, so a write the site
    // acknowledged survives a power loss, not only a crash of the process (NORMAL may lose the last commits);
    // it costs about 5 ms a commit here, far below the site's rate of writes (decision 0120, docs/benchmarks.md).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<object>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), log });
    // One server per SQLite file: invalidation stays in this process (decision 0122).
    const invalidation = localInvalidation();
    return { db, dialect, invalidation, destroy: () => invalidation.close().then(() => db.destroy()) };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<object>({ dialect: new PostgresDialect({ pool }), log });
  const poolNow = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  const invalidation = postgresInvalidation(url, db);
  return { db, dialect, invalidation, destroy: () => invalidation.close().then(() => db.destroy()), pool: poolNow };
}
