import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  destroy(): Promise<void>;
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

export function connect(url: string, options: ConnectOptions = {}): DatabaseHandle {
  const dialect = dialectOf(url);
  const log = options.onQuery;
  if (dialect === 'sqlite') {
    const path = url.slice('file:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const sqlite = new SQLite(path);
    // WAL lets readers carry on while a writer commits; NORMAL sync is safe with WAL.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log });
    return { db, dialect, destroy: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  return { db, dialect, destroy: () => db.destroy() };
}
