/**
 * Backups, restores and the content export (`npm run backup`, `npm run restore -- FILE`, `npm run export`), as
 * functions the commands and their test call. SQLite: the online backup API (a consistent copy while the site
 * serves); PostgreSQL: pg_dump and pg_restore, when installed.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { TABLE_OWNERS } from '../database';
import { connect, dialectOf } from '../platform/db/connection';

export class BackupError extends Error {}

/** `jobsite-2026-12-07T20-15-03Z`: sorts by time, no characters a file system or a shell minds. */
export function timestamped(prefix: string, extension: string, now = new Date()): string {
  return `${prefix}-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')}.${extension}`;
}

const sqlitePath = (url: string) => url.slice('file:'.length);

/** The URL without libpq `options` (a search_path there would confuse pg_restore's own statements). */
function withoutOptions(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete('options');
  return parsed.toString();
}

function requireTool(tool: string) {
  const found = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new BackupError(
      `${tool} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client) ` +
        `of the server's major version, or back up with your provider's snapshots.`,
    );
  }
}

/** Copies the database of `databaseUrl` into a new timestamped file in `dir`; returns its path. */
export async function backupDatabase(databaseUrl: string, dir: string, now = new Date()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  if (dialectOf(databaseUrl) === 'sqlite') {
    const source = sqlitePath(databaseUrl);
    if (!existsSync(source)) throw new BackupError(`No database at ${source}`);
    const file = resolve(join(dir, timestamped('jobsite', 'sqlite', now)));
    const db = new SQLite(source, { readonly: true, fileMustExist: true });
    try {
      // SQLite's online backup: page by page, consistent, while the server keeps writing.
      await db.backup(file);
    } finally {
      db.close();
    }
    return file;
  }
  requireTool('pg_dump');
  const file = resolve(join(dir, timestamped('jobsite', 'pgdump', now)));
  // The site's schema only (the one DATABASE_URL's search_path names, public by default), not its neighbours'.
  const handle = connect(databaseUrl);
  const schema = await sql<{ schema: string }>`select current_schema() as schema`
    .execute(handle.db)
    .then((r) => r.rows[0]?.schema ?? 'public')
    .finally(() => handle.destroy());
  const dumped = spawnSync(
    'pg_dump',
    ['--format=custom', '--no-owner', `--schema=${schema}`, `--file=${file}`, withoutOptions(databaseUrl)],
    { encoding: 'utf8' },
  );
  if (dumped.status !== 0) throw new BackupError(`pg_dump failed: ${dumped.stderr.trim()}`);
  return file;
}

/** Rows in the site's tables of the database (0: a fresh or empty database a restore may fill). */
export async function countRows(databaseUrl: string): Promise<number> {
  const handle = connect(databaseUrl);
  try {
    let total = 0;
    for (const table of Object.values(TABLE_OWNERS).flat()) {
      try {
        const { rows } = await sql<{ n: unknown }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db);
        total += Number(rows[0]?.n ?? 0);
      } catch {
        // A table this database does not have yet (not migrated): nothing in it.
      }
    }
    return total;
  } finally {
    await handle.destroy();
  }
}

/**
 * Replaces the database of `databaseUrl` with the backup `file`. Refuses a database that holds rows unless
 * `force`: a restore over the live site's data is never an accident. Stop the site first.
 */
export async function restoreDatabase(databaseUrl: string, file: string, options: { force?: boolean } = {}) {
  if (!existsSync(file)) throw new BackupError(`No backup at ${file}`);
  const rows = await countRows(databaseUrl);
  if (rows > 0 && !options.force) {
    throw new BackupError(
      `The database of DATABASE_URL is not empty (${rows} rows): restoring would replace them. ` +
        'Stop the site, and run again with --force to replace them.',
    );
  }
  if (dialectOf(databaseUrl) === 'sqlite') {
    const target = sqlitePath(databaseUrl);
    mkdirSync(resolve(target, '..'), { recursive: true });
    const backup = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      // The backup API writes every page of the target, its WAL included: no stale -wal file survives it.
      await backup.backup(target);
    } finally {
      backup.close();
    }
    return;
  }
  requireTool('pg_restore');
  const restored = spawnSync(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${withoutOptions(databaseUrl)}`, file],
    { encoding: 'utf8' },
  );
  if (restored.status !== 0) throw new BackupError(`pg_restore failed: ${restored.stderr.trim()}`);
}

/** The content the site publishes, table by table: no accounts, sessions, mail or search index. */
export const EXPORTED_TABLES = [
  'topics',
  'questions',
  'question_aliases',
  'answers',
  'answer_steps',
  'answer_citations',
  'answer_revisions',
  'statutes',
  'statute_versions',
  'articles',
  'companies',
  'jobs',
  'job_benefits',
] as const;

/**
 * Writes the content as JSON Lines to `file`: one `{"table": …, "row": {…}}` a line, table by table, rows in
 * id order. Returns the count per table. Tables a database does not have (not migrated yet) are left out.
 */
export async function exportContent(databaseUrl: string, file: string): Promise<Record<string, number>> {
  const handle = connect(databaseUrl);
  const out = createWriteStream(file, { encoding: 'utf8' });
  const counts: Record<string, number> = {};
  try {
    for (const table of EXPORTED_TABLES) {
      let rows: Record<string, unknown>[];
      try {
        ({ rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(handle.db));
      } catch {
        continue;
      }
      rows.sort((a, b) => Number(a.id ?? 0) - Number(b.id ?? 0));
      for (const row of rows) {
        if (!out.write(`${JSON.stringify({ table, row })}\n`)) await once(out, 'drain');
      }
      counts[table] = rows.length;
    }
  } finally {
    out.end();
    await once(out, 'finish');
    await handle.destroy();
  }
  return counts;
}
