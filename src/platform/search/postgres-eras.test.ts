import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngines } from '../db/test-databases';
import { kindTables } from './kinds';
import { createPostgresKindIndex } from './postgres-engine';
import {
  ERA_SHIFTS,
  eraBlocks,
  eraWindow,
  FIRST_WINDOW_BLOCKS,
  newestMatching,
  nextSpan,
  topOfIds,
} from './postgres-eras';
import { TEST_KIND, testDocument } from './testing';
import { tokeniseSubmittedQuery } from './tokeniser';

/** The ids [from, to) a block lexeme stands for ('b3': level 1, the fourth block of 4,096). */
function idsOf(block: string): [number, number] {
  const size = 2 ** ERA_SHIFTS['abcdefgh'.indexOf(block[0]!)]!;
  const n = Number(block.slice(1));
  return [n * size, (n + 1) * size];
}

const SMALLEST = 2 ** ERA_SHIFTS[0];

describe('era blocks and windows', () => {
  it('cover a range of ids exactly, with whole blocks that do not overlap', () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.nat(3000), (a, b) => {
        const [from, to] = [Math.min(a, b) * SMALLEST, Math.max(a, b) * SMALLEST];
        const ranges = eraBlocks(from, to)
          .map(idsOf)
          .sort((x, y) => x[0] - y[0]);
        let at = from;
        for (const [start, end] of ranges) {
          expect(start).toBe(at);
          at = end;
        }
        expect(at).toBe(to);
      }),
    );
  });

  it('uses the largest blocks that fit: a million ids are a few lexemes, not two thousand', () => {
    expect(eraBlocks(0, 2 ** 18)).toEqual(['d0']);
    expect(eraBlocks(0, 1_000_448).length).toBeLessThan(30);
    expect(() => eraBlocks(100, 512)).toThrow(RangeError);
  });

  it('starts just above the newest id and steps down to id 0 in windows of a few blocks', () => {
    expect(topOfIds(1_000_000)).toBe(1_000_448);
    expect(topOfIds(0)).toBe(SMALLEST);
    let to = topOfIds(1_000_000);
    let span = FIRST_WINDOW_BLOCKS * SMALLEST;
    const windows = [];
    while (to > 0) {
      const window = eraWindow(to, span);
      expect(window.to).toBe(to);
      expect(window.from).toBeLessThan(to);
      expect(window.blocks.length).toBeLessThanOrEqual(2 * 7 * ERA_SHIFTS.length);
      windows.push(window);
      to = window.from;
      span = nextSpan(topOfIds(1_000_000) - to, 0, 50);
    }
    // Nothing found: each window eight times the ids covered before it, so a million ids take four windows.
    expect(windows.length).toBe(4);
    // The first: the newest blocks of 512 ids.
    expect(windows[0]!.to - windows[0]!.from).toBe(FIRST_WINDOW_BLOCKS * SMALLEST);
  });

  it('sizes the next window for the rows still wanted at the density seen so far', () => {
    // 25 of 50 found in 1,024 ids: 25 more need about 1,024, asked with half again to spare.
    expect(nextSpan(1024, 25, 50)).toBe(1536);
    // One found: at most eight times the ids covered.
    expect(nextSpan(1024, 1, 50)).toBe(8192);
    expect(nextSpan(1024, 0, 50)).toBe(8192);
    expect(nextSpan(1024, 49, 50)).toBe(SMALLEST);
  });
});

const postgres = testEngines.find((engine) => engine.name === 'postgres');

describe.runIf(postgres)('the newest matches, window by window, on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const engine = createPostgresKindIndex(TEST_KIND);
  const table = sql.raw(kindTables(TEST_KIND).documents);
  beforeAll(async () => {
    database = await openTestDatabase(postgres!);
    await engine.ensure(database.db);
    // Ids spread over many blocks of every size, some crowded, most far apart; "zebra" in some, "yak" in others.
    const ids = new Set<number>();
    for (let id = 1; id <= 300; id++) ids.add(id);
    for (let id = 5000; id < 5100; id++) ids.add(id);
    for (let i = 0; i < 400; i++) ids.add(1 + ((i * 7919 * 7907) % 3_000_000));
    const docs = [...ids].map((id) =>
      testDocument(id, id % 3 === 0 ? 'zebra crossing' : 'yak wool', id % 5 === 0 ? 'zebra yak' : 'plain'),
    );
    await engine.store(
      database.db,
      docs.map((doc) => engine.prepare(doc)),
    );
  });
  afterAll(async () => database?.close());

  const unbounded = async (query: string, cap: number) =>
    (
      await sql<{ id: number }>`select id from ${table} d where d.document @@ cast(${query} as tsquery)
        order by id desc limit ${cap}`.execute(database.db)
    ).rows.map((row) => row.id);

  it('finds the same ids as the unbounded query, newest first, whatever the cap', async () => {
    const { rows } = await sql<{ id: number }>`select max(id) as id from ${table}`.execute(database.db);
    const maxId = Number(rows[0]!.id);
    for (const query of ["'zebra'", "'yak'", "'zebra' & 'yak'", "'zebra' <-> 'yak'", "'nothing'"]) {
      for (const cap of [1, 10, 50, 201, 5000]) {
        const condition = sql`d.document @@ cast(${query} as tsquery)`;
        expect(await newestMatching(database.db, table, condition, cap, maxId), `${query} cap ${cap}`).toEqual(
          await unbounded(query, cap),
        );
      }
    }
  });

  it('keeps the era lexemes in the same GIN index as the tsvector', async () => {
    const { rows } = await sql<{ definition: string }>`
      select indexdef as definition from pg_indexes where tablename = ${kindTables(TEST_KIND).documents}
        and indexdef like '%gin%'`.execute(database.db);
    expect(rows.map((row) => row.definition)).toEqual([expect.stringMatching(/gin \(document, search_eras\(id\)\)/)]);
  });

  it('replaces the tsvector-only GIN index of a table indexed before the eras, keeping its rows', async () => {
    const documents = kindTables(TEST_KIND).documents;
    await sql`drop index ${sql.raw(`${documents}_document_eras`)}`.execute(database.db);
    await sql`drop function search_eras(integer)`.execute(database.db);
    await sql`create index ${sql.raw(`${documents}_document`)} on ${table} using gin (document)`.execute(database.db);
    const before = await unbounded("'zebra'", 5000);
    await engine.ensure(database.db);
    const { rows } = await sql<{ name: string }>`
      select indexname as name from pg_indexes where tablename = ${documents} order by indexname`.execute(database.db);
    expect(rows.map((row) => row.name)).toContain(`${documents}_document_eras`);
    expect(rows.map((row) => row.name)).not.toContain(`${documents}_document`);
    expect(await unbounded("'zebra'", 5000)).toEqual(before);
    const hits = await engine.search(database.db, tokeniseSubmittedQuery('zebra'), { offset: 0, limit: 5 });
    expect(hits.hits.map((hit) => hit.id)).toEqual(before.slice(0, 5));
  });
});
