/**
 * Fresh databases for tests, one per test file or app: always an SQLite file, and a fresh schema on the
 * PostgreSQL server when TEST_DATABASE_URL is set (CI sets it). Platform code and tests use these directly;
 * src/test-support/databases.ts builds whole apps on them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, type DatabaseHandle, type DialectName } from './connection';
import { migrateToLatest } from './migrate';

export interface TestEngine {
  name: DialectName;
  open(): Promise<{ url: string; dispose(): Promise<void> }>;
}

const sqliteEngine: TestEngine = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'jobsite-test-'));
    return {
      url: `file:${join(dir, 'test.sqlite')}`,
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

function postgresEngine(baseUrl: string): TestEngine {
  return {
    name: 'postgres',
    async open() {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        url: url.toString(),
        async dispose() {
          const client = new pg.Client({ connectionString: baseUrl });
          await client.connect();
          await client.query(`drop schema if exists ${schema} cascade`);
          await client.end();
        },
      };
    },
  };
}

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl && !process.env.JOBSITE_PG_SKIP_NOTED) {
  process.env.JOBSITE_PG_SKIP_NOTED = '1';
  console.warn('TEST_DATABASE_URL is not set: PostgreSQL integration tests are skipped (SQLite runs).');
}

/** The engines to run integration tests on, for `describe.each`. */
export const testEngines: TestEngine[] = postgresUrl ? [sqliteEngine, postgresEngine(postgresUrl)] : [sqliteEngine];

/** A fresh, migrated database of the engine, for tests below the app; `close` drops it. */
export async function openTestDatabase(engine: TestEngine): Promise<DatabaseHandle & { close(): Promise<void> }> {
  const { url, dispose } = await engine.open();
  const handle = connect(url);
  await migrateToLatest(handle.db, handle.dialect);
  return {
    ...handle,
    async close() {
      await handle.destroy();
      await dispose();
    },
  };
}
