/**
 * Integration tests run once per database engine: always on an SQLite file, and on PostgreSQL
 * when TEST_DATABASE_URL is set (CI sets it). Each test app gets a database of its own: a fresh
 * file, or a fresh schema on the PostgreSQL server, dropped when the app closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { type BuildOptions, buildApp } from '../app';
import { testConfig } from '../config';
import { type Database, wholeDatabase } from '../database';
import type { Modules } from '../modules';
import { connect, type DatabaseHandle } from '../platform/db/connection';
import { type TestEngine, testEngines } from '../platform/db/test-databases';

export { type TestEngine, testEngines };

/** The SQLite engine alone (browser tests run one site). */
export const sqliteEngine: TestEngine = testEngines[0]!;

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** Its URL (file:… or postgres://…), for tools that connect on their own (backups). */
  databaseUrl: string;
  /** The same database with every module's tables visible, for tests that read or arrange rows directly. */
  db: Kysely<Database>;
  /** The app's own modules (the same caches as its routes), to arrange and inspect through their services. */
  modules: Modules;
  /** Where this app keeps uploaded files (FILES_DIR). */
  filesDir: string;
  close(): Promise<void>;
}

/** The whole app on a fresh database of the engine; `seed` defaults to topics, statutes and the seed Q&A only. */
export async function openTestApp(engine: TestEngine, options: Pick<BuildOptions, 'seed'> = {}): Promise<TestApp> {
  const { url, dispose } = await engine.open();
  const database = connect(url);
  let modules: Modules | undefined;
  // Uploaded files of this app alone, removed when it closes.
  const filesDir = mkdtempSync(join(tmpdir(), 'jobsite-files-'));
  const app = await buildApp(testConfig({ DATABASE_URL: url, FILES_DIR: filesDir }), {
    database,
    seed: options.seed ?? { dataDir: 'data', demoFile: null },
    onModules: (built) => {
      modules = built;
    },
  });
  return {
    app,
    database,
    databaseUrl: url,
    modules: modules!,
    filesDir,
    db: wholeDatabase(database.db),
    async close() {
      await app.close();
      await database.destroy();
      await dispose();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
