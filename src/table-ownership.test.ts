import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_OWNERS } from './database';
import { openTestDatabase, testEngines } from './platform/db/test-databases';
import { tablesNamedIn } from './table-ownership';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const owners = Object.entries(TABLE_OWNERS) as [string, readonly string[]][];
const ownerOf = new Map(owners.flatMap(([owner, tables]) => tables.map((table) => [table, owner])));
const known = new Set(ownerOf.keys());

/** The search engine makes `search_<kind>_…` tables for each kind it is told of; they are its own. */
const owner = (table: string) => ownerOf.get(table) ?? (table.startsWith('search_') ? 'platform/search' : undefined);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'assets' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('table ownership', () => {
  it('finds the tables code names, in builder calls and in SQL text, and not in comments', () => {
    const code = `
      // selectFrom('users') in a comment names nothing
      db.selectFrom('questions as q').innerJoin('topics as t', 't.id', 'q.topic_id');
      await sql\`update answers set accepted = 0 where exists (select 1 from answer_votes)\`.execute(db);
      db.insertInto("outbox");`;
    expect([...tablesNamedIn(code, known)].sort()).toEqual([
      'answer_votes',
      'answers',
      'outbox',
      'questions',
      'topics',
    ]);
  });

  it("finds no module naming another module's table", () => {
    const modules = owners.map(([name]) => name).filter((name) => !name.startsWith('platform/'));
    const trespasses: string[] = [];
    for (const module of [...modules, 'platform']) {
      for (const file of sourceFiles(join(SRC, module))) {
        // Migrations are frozen in time and create every module's tables.
        if (file.includes(`${join('platform', 'db', 'migrations')}`)) continue;
        for (const table of tablesNamedIn(readFileSync(file, 'utf8'), known)) {
          const tableOwner = owner(table);
          const allowed = module === 'platform' ? tableOwner?.startsWith('platform/') : tableOwner === module;
          if (!allowed) trespasses.push(`${relative(SRC, file)} names ${table} (owned by ${tableOwner ?? 'nobody'})`);
        }
      }
    }
    expect(trespasses).toEqual([]);
  });

  it('gives every table exactly one owner', () => {
    const all = owners.flatMap(([, tables]) => tables);
    expect(new Set(all).size).toBe(all.length);
  });

  describe.each(testEngines)('after the migrations on $name', (engine) => {
    let handle: Awaited<ReturnType<typeof openTestDatabase>>;
    beforeAll(async () => {
      handle = await openTestDatabase(engine);
    });
    afterAll(async () => handle?.close());

    it('every table in the database has its owner, and every owned table is there', async () => {
      const { rows } =
        engine.name === 'sqlite'
          ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(handle.db)
          : await sql<{ name: string }>`
              select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
              handle.db,
            );
      const tables = rows
        .map((r) => r.name)
        .filter((name) => !name.startsWith('sqlite_') && !name.startsWith('kysely_'))
        // FTS5 keeps its data in shadow tables of the virtual table (search_…_data, _idx, _config, …).
        .filter((name) => owner(name) !== 'platform/search');
      expect(tables.filter((name) => !ownerOf.has(name))).toEqual([]);
      expect([...known].filter((name) => !tables.includes(name) && owner(name) !== 'platform/search')).toEqual([]);
    });
  });
});
