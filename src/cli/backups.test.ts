import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_OWNERS } from '../database';
import { connect } from '../platform/db/connection';
import { openTestApp, type TestApp, type TestEngine, testEngines } from '../test-support/databases';
import { signInAs } from '../test-support/forms';
import { BackupError, backupDatabase, countRows, exportContent, restoreDatabase } from './backups';

/** Every row of every table of the site, as sorted JSON lines per table (search index tables aside). */
async function everyRow(url: string): Promise<Map<string, string[]>> {
  const handle = connect(url);
  try {
    const tables = new Map<string, string[]>();
    for (const table of Object.values(TABLE_OWNERS).flat()) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(handle.db);
      tables.set(table, rows.map((row) => JSON.stringify(row)).sort());
    }
    return tables;
  } finally {
    await handle.destroy();
  }
}

/**
 * PostgreSQL: a database of its own to restore into (a pg_dump holds the schema's name, so the restore lands in a
 * schema of that name: another database's), reached with the same search_path as the source.
 */
async function freshPostgresDatabase(sourceUrl: string) {
  const name = `restore_${randomBytes(5).toString('hex')}`;
  const base = new URL(sourceUrl);
  const admin = new pg.Client({ connectionString: `${base.protocol}//${base.username}@${base.host}${base.pathname}` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(sourceUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async dispose() {
      const client = new pg.Client({ connectionString: `${base.protocol}//${base.username}@${base.host}/postgres` });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

describe.each(testEngines)('backup, restore and export on $name', (engine: TestEngine) => {
  let t: TestApp;
  let url = '';
  let dispose: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'jobsite-backups-'));
  beforeAll(async () => {
    t = await openTestApp(engine);
    // A second, empty database of the engine to restore into.
    if (engine.name === 'sqlite') ({ url, dispose } = await engine.open());
    else ({ url, dispose } = await freshPostgresDatabase(t.databaseUrl));
    await signInAs(t, 'member', { displayName: 'Backed Up' });
  });
  afterAll(async () => {
    await t?.close();
    await dispose?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup into a fresh database, where every row is found, and refuses to overwrite data', async () => {
    const sourceUrl = t.databaseUrl;
    const file = await backupDatabase(sourceUrl, dir);
    expect(file).toMatch(/jobsite-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.(sqlite|pgdump)$/);
    expect(await countRows(url)).toBe(0);
    await restoreDatabase(url, file);
    const [before, after] = await Promise.all([everyRow(sourceUrl), everyRow(url)]);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [table, rows] of before) expect(after.get(table), table).toEqual(rows);
    expect(before.get('users')!.some((row) => row.includes('Backed Up'))).toBe(true);

    // Now the target holds data: a second restore needs --force.
    await expect(restoreDatabase(url, file)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(url, file)).rejects.toThrow(/not empty .* --force/);
    await restoreDatabase(url, file, { force: true });
    expect((await everyRow(url)).get('questions')).toEqual(before.get('questions'));
  });

  it('exports the content as JSON Lines, table by table', async () => {
    const now = new Date().toISOString();
    // Content not published: a draft answer with a reviewer's note, a company waiting for verification.
    await t.db
      .insertInto('answers')
      .values({
        question_id: 1,
        status: 'draft',
        analysis_md: 'An unpublished draft',
        analysis_html: '<p>An unpublished draft</p>',
        region_code: 'CN',
        verified_on: '2026-12-01',
        author_label: 'Drafter',
        created_at: now,
        updated_at: now,
        review_note: 'A private moderation note',
      })
      .execute();
    await t.db
      .insertInto('companies')
      .values({
        slug: 'unverified-export-co',
        name_zh: '待审公司',
        name_en: 'Unverified Export Co',
        credit_code: '91110000600000000X',
        industry: 'internet',
        size: '1-49',
        region_code: 'CN-BJ',
        status: 'pending',
        origin: 'user',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const file = join(dir, 'export.jsonl');
    const counts = await exportContent(t.databaseUrl, file);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.length).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    expect(counts.questions).toBeGreaterThan(0);
    expect(counts.articles).toBeGreaterThan(100);
    const seed = lines.find((l) => l.table === 'questions' && l.row.id === 1);
    expect(seed.row.title).toBe('Where can I reissue my social security card if I lose it?');
    expect(lines.some((l) => l.table === 'users' || l.table === 'sessions')).toBe(false);
    // Only what is published, and only its public columns.
    const text = readFileSync(file, 'utf8');
    expect(counts.answers).toBeGreaterThan(0);
    expect(text).not.toContain('An unpublished draft');
    expect(text).not.toContain('A private moderation note');
    expect(text).not.toContain('Unverified Export Co');
    for (const line of lines) {
      for (const column of ['asker_id', 'anonymous', 'author_id', 'editor_id', 'created_by', 'review_note', 'status']) {
        if (line.table !== 'questions' || column !== 'status')
          expect(line.row, `${line.table}.${column}`).not.toHaveProperty(column);
      }
    }
    // In id order, table by table.
    const questionIds = lines.filter((l) => l.table === 'questions').map((l) => l.row.id as number);
    expect(questionIds).toEqual([...questionIds].sort((a, b) => a - b));
  });
});
