import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngines } from '../db/test-databases';
import { BODY_TOKENS_KEPT } from './impacts';
import { createPostgresKindIndex } from './postgres-engine';
import { unweightedWhereSame } from './postgres-search';
import { DEFAULT_PLAN } from './sqlite-search';
import { testDocument as doc, TEST_KIND } from './testing';
import { tokeniseSubmittedQuery } from './tokeniser';

describe('tsqueries for the GIN index', () => {
  it('drops the weight marks that tell nothing apart, so PostgreSQL need not recheck every match', () => {
    expect(unweightedWhereSame("('pension':AC | 'xsgpension':AC) & 'card':*AC & '补缴':ABCD & '社会保险':AC")).toBe(
      "('pension' | 'xsgpension') & 'card':* & '补缴' & '社会保险'",
    );
    // A two-character Han token is a word (A/C) or a character bigram (B/D) spelled alike: its weights stay.
    expect(unweightedWhereSame("'交了':AC | ('交社':BD <-> '社保':BD) | '社保':*AC")).toBe(
      "'交了':AC | ('交社':BD <-> '社保':BD) | '社保':*AC",
    );
  });
});

const postgres = testEngines.find((engine) => engine.name === 'postgres');

// A body where "zebra" is said once among many words said more often: it is not among the salient tokens.
const fillerWords = Array.from(
  { length: BODY_TOKENS_KEPT + 6 },
  (_, i) => `filler${String.fromCharCode(97 + (i % 26))}${i}`,
);
const longBody = `${fillerWords.map((w) => `${w} ${w}`).join(' ')} zebra`;

describe.runIf(postgres)('the PostgreSQL search engine', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const engine = createPostgresKindIndex(TEST_KIND);
  beforeEach(async () => {
    database = await openTestDatabase(postgres!);
    await engine.ensure(database.db);
    await engine.rebuilt(database.db);
  });
  afterEach(async () => database.close());

  const documents = async () =>
    Number(
      (
        await sql<{ documents: number }>`select documents from search_kinds where name = 'test_doc'`.execute(
          database.db,
        )
      ).rows[0]!.documents,
    );
  const listedDocs = async (token: string) =>
    (
      await sql<{ doc: number }>`select doc from search_test_doc_impacts where token = ${token} order by doc`.execute(
        database.db,
      )
    ).rows.map((r) => r.doc);
  const search = (query: string, offset = 0, limit = 10) =>
    engine.search(database.db, tokeniseSubmittedQuery(query), { offset, limit });

  it('keeps the impact lists and the document count as documents are stored, replaced and removed', async () => {
    const { db } = database;
    await engine.store(
      db,
      [doc(1, 'pension transfer'), doc(2, 'housing fund'), doc(5, 'lost card')].map(engine.prepare),
      {
        fresh: true,
      },
    );
    expect(await documents()).toBe(3);
    await engine.index(db, doc(2, 'housing provident fund'));
    expect(await documents()).toBe(3);
    expect(await listedDocs('provid')).toEqual([2]);
    await engine.remove(db, 1);
    expect(await documents()).toBe(2);
    expect(await listedDocs('pension')).toEqual([]);
    await engine.removeAll(db);
    expect(await engine.needsRebuild(db)).toBe(true);
    expect(await listedDocs('lost')).toEqual([]);
  });

  it('makes anew and rebuilds an index made before the impact lists', async () => {
    const { db } = database;
    await engine.index(db, doc(1, 'pension'));
    await sql`drop table search_test_doc_impacts`.execute(db);
    await engine.ensure(db);
    expect(await engine.needsRebuild(db)).toBe(true);
    await engine.index(db, doc(1, 'pension'));
    await engine.rebuilt(db);
    expect((await search('pension')).hits.map((h) => h.id)).toEqual([1]);
  });

  it('ranks documents holding every term first, title matches above body matches', async () => {
    await engine.store(
      database.db,
      [
        doc(1, 'pension', 'nothing about the other word'),
        doc(2, 'unrelated title', 'pension transfer between cities'),
        doc(3, 'pension transfer between cities', 'how it works'),
        doc(4, 'transfer', 'bank transfer'),
      ].map(engine.prepare),
      { fresh: true },
    );
    const result = await search('pension transfer');
    expect(result.hits.map((h) => h.id).slice(0, 2)).toEqual([3, 2]);
    expect(result.hits.slice(2).every((h) => h.matchedTerms === 1)).toBe(true);
    expect(result.total).toBe(4);
    expect((await search('pension transfer', 2, 2)).hits.map((h) => h.id)).toEqual(
      result.hits.slice(2, 4).map((h) => h.id),
    );
  });

  it('finds a word left out of the impact lists through the full-text index, ranked below listed matches', async () => {
    await engine.store(
      database.db,
      [doc(1, 'animals at the zoo', longBody), doc(2, 'zebra crossing', 'nothing'), doc(3, 'else', 'nothing')].map(
        engine.prepare,
      ),
      { fresh: true },
    );
    expect(await listedDocs('zebra')).toEqual([2]);
    const result = await search('zebra');
    expect(result.hits.map((h) => h.id)).toEqual([2, 1]);
    expect(result.total).toBe(2);
  });

  it('checks the leading documents for the terms their lists do not show', async () => {
    // As on SQLite (sqlite-engine.test.ts): 1 holds "zebra" only deep in its body, 3–62 both words in short bodies.
    const docs = [doc(1, 'pension rules', longBody), doc(2, 'pension rules', 'nothing else')];
    for (let id = 3; id <= 62; id++) docs.push(doc(id, `note ${id}`, 'pension zebra'));
    for (let id = 63; id <= 262; id++) docs.push(doc(id, `unrelated ${id}`, 'nothing here'));
    await engine.store(database.db, docs.map(engine.prepare), { fresh: true });
    expect(await listedDocs('zebra')).not.toContain(1);
    const result = await search('pension zebra', 0, 70);
    expect(result.hits[0]).toMatchObject({ id: 1, matchedTerms: 2 });
    expect(result.hits.find((h) => h.id === 2)?.matchedTerms).toBe(1);
  });

  it('counts the total beyond a full-text stage that stopped at its cap', async () => {
    const docs = Array.from({ length: DEFAULT_PLAN.fullTextCap + 10 }, (_, i) => doc(i + 1, 'animals', longBody));
    await engine.store(database.db, docs.map(engine.prepare), { fresh: true });
    expect(await listedDocs('zebra')).toEqual([]);
    expect((await search('zebra')).total).toBe(DEFAULT_PLAN.fullTextCap + 10);
  });
});
