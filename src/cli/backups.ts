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
import { type RawBuilder, sql } from 'kysely';
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

/** Published answers: their steps, citations and revisions go with them. */
const PUBLISHED_ANSWER = sql`answer_id in (select id from answers where status = 'published')`;

interface ExportedTable {
  table: string;
  /** The public columns: no user ids, no moderation notes, no import bookkeeping. */
  columns: string[];
  /** Which rows are published (every row when absent). */
  where?: RawBuilder<unknown>;
  /** The order, and the key the pages follow (unique). */
  key: string[];
}

/**
 * The content the site publishes, table by table: no accounts, sessions, mail or search index; no draft,
 * pending or rejected answers or jobs, no company waiting for verification; no asker, author, editor or creator
 * ids, no moderation notes.
 */
export const EXPORTED_TABLES: readonly ExportedTable[] = [
  {
    table: 'topics',
    columns: ['id', 'slug', 'title_en', 'title_zh', 'summary_en', 'summary_zh', 'position'],
    key: ['id'],
  },
  {
    table: 'questions',
    columns: [
      'id',
      'topic_id',
      'slug',
      'locale',
      'title',
      'details',
      'status',
      'translation_of_id',
      'duplicate_of_id',
      'region_code',
      'created_at',
      'updated_at',
    ],
    key: ['id'],
  },
  { table: 'question_aliases', columns: ['id', 'question_id', 'text'], key: ['id'] },
  {
    table: 'answers',
    columns: [
      'id',
      'question_id',
      'analysis_md',
      'analysis_html',
      'background_md',
      'background_html',
      'region_code',
      'verified_on',
      'author_label',
      'accepted',
      'helpful_count',
      'published_at',
      'updated_at',
    ],
    where: sql`status = 'published'`,
    key: ['id'],
  },
  {
    table: 'answer_steps',
    columns: ['id', 'answer_id', 'position', 'action', 'materials', 'channel', 'location', 'duration'],
    where: PUBLISHED_ANSWER,
    key: ['id'],
  },
  {
    table: 'answer_citations',
    columns: ['id', 'answer_id', 'position', 'article_id', 'paragraph', 'item', 'citation_text'],
    where: PUBLISHED_ANSWER,
    key: ['id'],
  },
  {
    table: 'answer_revisions',
    columns: [
      'id',
      'answer_id',
      'revision',
      'analysis_md',
      'steps_json',
      'citations_json',
      'region_code',
      'verified_on',
      'note',
      'created_at',
    ],
    where: PUBLISHED_ANSWER,
    key: ['id'],
  },
  {
    table: 'statutes',
    columns: [
      'id',
      'slug',
      'title_zh',
      'short_title_zh',
      'title_en',
      'short_title_en',
      'level_zh',
      'tier',
      'aliases_json',
      'position',
    ],
    key: ['id'],
  },
  {
    table: 'statute_versions',
    columns: ['id', 'statute_id', 'version_date', 'history_json', 'preamble_zh', 'source_ref', 'is_current'],
    key: ['id'],
  },
  {
    table: 'articles',
    columns: [
      'id',
      'statute_version_id',
      'number',
      'label_zh',
      'part_zh',
      'subpart_zh',
      'chapter_zh',
      'section_zh',
      'text_zh',
    ],
    key: ['id'],
  },
  {
    table: 'companies',
    columns: [
      'id',
      'slug',
      'name_zh',
      'name_en',
      'credit_code',
      'industry',
      'size',
      'region_code',
      'description_en_md',
      'description_zh_md',
      'website',
      'created_at',
      'updated_at',
    ],
    where: sql`status = 'verified'`,
    key: ['id'],
  },
  {
    table: 'jobs',
    columns: [
      'id',
      'company_id',
      'slug',
      'title_en',
      'title_zh',
      'description_en_md',
      'description_zh_md',
      'region_code',
      'district_code',
      'salary_min',
      'salary_max',
      'salary_months',
      'experience',
      'education',
      'employment_type',
      'headcount',
      'insurance_base',
      'insurance_base_amount',
      'housing_fund_rate',
      'posted_at',
      'valid_through',
      'valid_days',
    ],
    where: sql`status = 'published'`,
    key: ['id'],
  },
  {
    table: 'job_benefits',
    columns: ['job_id', 'tag'],
    where: sql`job_id in (select id from jobs where status = 'published')`,
    key: ['job_id', 'tag'],
  },
];

/** Rows read per statement. */
const EXPORT_PAGE = 5000;

/** One page of a table's published rows after the row `after` (by its key), in key order. */
function exportPage({ table, columns, where, key }: ExportedTable, after: Record<string, unknown> | undefined) {
  const conditions: RawBuilder<unknown>[] = where ? [sql`(${where})`] : [];
  if (after) {
    // (k1, k2) > (a1, a2), spelled out: the same on both engines.
    const beyond = key.map((column, i) =>
      sql.join(
        [
          ...key.slice(0, i).map((previous) => sql`${sql.ref(previous)} = ${after[previous]}`),
          sql`${sql.ref(column)} > ${after[column]}`,
        ],
        sql` and `,
      ),
    );
    conditions.push(sql`(${sql.join(beyond, sql` or `)})`);
  }
  const filter = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}
    ${filter} order by ${sql.join(key.map((c) => sql.ref(c)))} limit ${EXPORT_PAGE}`;
}

/**
 * Writes the published content as JSON Lines to `file`: one `{"table": …, "row": {…}}` a line, table by table,
 * rows in id order. Returns the count per table. Tables a database does not have (not migrated yet) are left out.
 */
export async function exportContent(databaseUrl: string, file: string): Promise<Record<string, number>> {
  const handle = connect(databaseUrl);
  const out = createWriteStream(file, { encoding: 'utf8' });
  const counts: Record<string, number> = {};
  try {
    for (const exported of EXPORTED_TABLES) {
      const { table } = exported;
      let after: Record<string, unknown> | undefined;
      for (;;) {
        let rows: Record<string, unknown>[];
        try {
          ({ rows } = await exportPage(exported, after).execute(handle.db));
        } catch (error) {
          // A table this database does not have yet (not migrated): left out.
          if (after === undefined) break;
          throw error;
        }
        counts[table] = (counts[table] ?? 0) + rows.length;
        for (const row of rows) {
          if (!out.write(`${JSON.stringify({ table, row })}\n`)) await once(out, 'drain');
        }
        if (rows.length < EXPORT_PAGE) break;
        after = rows.at(-1);
      }
    }
  } finally {
    out.end();
    await once(out, 'finish');
    await handle.destroy();
  }
  return counts;
}
