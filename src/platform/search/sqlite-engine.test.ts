import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { AttributeMemory } from './attribute-memory';
import { BAND_STRIDE, BODY_TOKENS_KEPT } from './impacts';
import { defineSearchKind } from './kinds';
import { createSqliteKindIndex } from './sqlite-engine';
import { DEFAULT_PLAN } from './sqlite-search';
import { testDocument as doc, TEST_KIND } from './testing';
import { tokeniseSubmittedQuery } from './tokeniser';

let dir: string;
let db: ReturnType<typeof connect>['db'];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobsite-sqlite-engine-'));
  db = connect(`file:${join(dir, 'index.sqlite')}`).db;
  await migrateToLatest(db, 'sqlite');
  // A new kind's index is empty and complete once rebuilt (from no documents).
  const index = createSqliteKindIndex(TEST_KIND);
  await index.ensure(db);
  await index.rebuilt(db);
});
afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const documents = async () =>
  (await sql<{ documents: number }>`select documents from search_kinds where name = 'test_doc'`.execute(db)).rows[0]!
    .documents;
/** Documents whose impact list rows hold `token`. */
const listedDocs = async (token: string) =>
  (
    await sql<{
      rowid: number;
    }>`select rowid from search_test_doc_impacts where search_test_doc_impacts match ${`"${token}"`}`.execute(db)
  ).rows.map((r) => r.rowid % BAND_STRIDE);

// A body where "zebra" is said once among many words said more often: it is not among the salient tokens.
const fillerWords = Array.from(
  { length: BODY_TOKENS_KEPT + 6 },
  (_, i) => `filler${String.fromCharCode(97 + (i % 26))}${i}`,
);
const longBody = `${fillerWords.map((w) => `${w} ${w}`).join(' ')} zebra`;

describe('the SQLite search engine', () => {
  it('keeps the document count as documents are stored, replaced and removed', async () => {
    const engine = createSqliteKindIndex(TEST_KIND);
    await engine.store(
      db,
      [doc(1, 'pension transfer'), doc(2, 'housing fund'), doc(5, 'lost card')].map(engine.prepare),
      { fresh: true },
    );
    expect(await documents()).toBe(3);
    await engine.index(db, doc(2, 'housing provident fund'));
    expect(await documents()).toBe(3);
    expect(await listedDocs('provid')).toEqual([2]);
    await engine.remove(db, 1);
    expect(await documents()).toBe(2);
    expect(await listedDocs('pension')).toEqual([]);
    expect(await engine.needsRebuild(db)).toBe(false);
    // A rebuild counts as incomplete until its last document is in.
    await engine.removeAll(db);
    expect(await engine.needsRebuild(db)).toBe(true);
    await engine.rebuilt(db);
    expect(await documents()).toBe(0);
    expect(await engine.needsRebuild(db)).toBe(false);
  });

  it('asks for a rebuild of a new kind, and of a kind whose layout changed, until it is rebuilt', async () => {
    const other = createSqliteKindIndex(defineSearchKind({ ...TEST_KIND, name: 'other_doc' }));
    expect(await other.needsRebuild(db)).toBe(true);
    await other.ensure(db);
    expect(await other.needsRebuild(db)).toBe(true);
    await other.rebuilt(db);
    expect(await other.needsRebuild(db)).toBe(false);

    const engine = createSqliteKindIndex(TEST_KIND);
    await engine.rebuilt(db);
    await engine.index(db, doc(1, 'pension'));
    expect(await engine.needsRebuild(db)).toBe(false);
    // The same kind with another field weight holds other impacts: its tables are made anew, empty.
    const reweighed = createSqliteKindIndex(
      defineSearchKind({ ...TEST_KIND, title: { ...TEST_KIND.title, weight: 8 } }),
    );
    await reweighed.ensure(db);
    expect(await reweighed.needsRebuild(db)).toBe(true);
    expect((await reweighed.search(db, tokeniseSubmittedQuery('pension'), { offset: 0, limit: 10 })).hits).toEqual([]);
    await reweighed.removeAll(db);
    await reweighed.index(db, doc(1, 'pension'));
    await reweighed.rebuilt(db);
    expect(await reweighed.needsRebuild(db)).toBe(false);
    expect(await documents()).toBe(1);
    // The other kind's index was not touched.
    expect(await other.needsRebuild(db)).toBe(false);
  });

  it('ranks documents holding every term first, title matches above body matches', async () => {
    const engine = createSqliteKindIndex(TEST_KIND);
    await engine.store(
      db,
      [
        doc(1, 'pension', 'nothing about the other word'),
        doc(2, 'unrelated title', 'pension transfer between cities'),
        doc(3, 'pension transfer between cities', 'how it works'),
        doc(4, 'transfer', 'bank transfer'),
      ].map(engine.prepare),
      { fresh: true },
    );
    const result = await engine.search(db, tokeniseSubmittedQuery('pension transfer'), { offset: 0, limit: 10 });
    expect(result.hits.map((h) => h.id).slice(0, 2)).toEqual([3, 2]);
    expect(result.hits.slice(0, 2).every((h) => h.matchedTerms === 2)).toBe(true);
    expect(result.hits.slice(2).every((h) => h.matchedTerms === 1)).toBe(true);
    expect(result.total).toBe(4);
    const page2 = await engine.search(db, tokeniseSubmittedQuery('pension transfer'), { offset: 2, limit: 2 });
    expect(page2.hits.map((h) => h.id)).toEqual(result.hits.slice(2, 4).map((h) => h.id));
  });

  it('finds a word left out of the impact lists through the full-text index, ranked below listed matches', async () => {
    const engine = createSqliteKindIndex(TEST_KIND);
    await engine.store(
      db,
      [
        doc(1, 'animals at the zoo', longBody),
        doc(2, 'zebra crossing', 'nothing'),
        doc(3, 'something else', 'nothing'),
      ].map(engine.prepare),
      { fresh: true },
    );
    expect(await listedDocs('zebra')).toEqual([2]);
    const result = await engine.search(db, tokeniseSubmittedQuery('zebra'), { offset: 0, limit: 10 });
    expect(result.hits.map((h) => h.id)).toEqual([2, 1]);
    expect(result.total).toBe(2);
  });

  it('checks the leading documents for the terms their lists do not show', async () => {
    const engine = createSqliteKindIndex(TEST_KIND);
    // 1: "zebra" is in its body but not among its salient tokens; 2: no zebra at all; 3–62: both words in
    // short bodies, so the lists alone know sixty documents holding both and no full-text stage runs;
    // 63–262 hold neither, so both words are rarer than common.
    const docs = [doc(1, 'pension rules', longBody), doc(2, 'pension rules', 'nothing else')];
    for (let id = 3; id <= 62; id++) docs.push(doc(id, `note ${id}`, 'pension zebra'));
    for (let id = 63; id <= 262; id++) docs.push(doc(id, `unrelated ${id}`, 'nothing here'));
    await engine.store(db, docs.map(engine.prepare), { fresh: true });
    expect(await listedDocs('zebra')).not.toContain(1);
    const result = await engine.search(db, tokeniseSubmittedQuery('pension zebra'), { offset: 0, limit: 70 });
    const hit = (id: number) => result.hits.find((h) => h.id === id);
    expect(hit(1)?.matchedTerms).toBe(2);
    expect(hit(2)?.matchedTerms).toBe(1);
    // Its title match on "pension" outweighs the others' body matches once it is known to hold both.
    expect(result.hits[0]!.id).toBe(1);
    // Pages are cuts of one ranking: none shows a document twice or leaves one out.
    const pages = [];
    for (let page = 0; page < 7; page++) {
      pages.push(
        ...(await engine.search(db, tokeniseSubmittedQuery('pension zebra'), { offset: page * 10, limit: 10 })).hits,
      );
    }
    expect(pages.map((h) => h.id)).toEqual(result.hits.map((h) => h.id));
  });

  it('skips the check when the best documents already rank above every leader', async () => {
    const engine = createSqliteKindIndex(TEST_KIND);
    // 1–12: both words in the title; 13: "pension" in the title, "zebra" said once in a long body (the
    // leader: its lists do not show "zebra"); 14–213: neither word.
    const docs = Array.from({ length: 12 }, (_, i) => doc(i + 1, 'pension zebra', 'short'));
    docs.push(doc(13, 'pension guide', longBody));
    for (let id = 14; id <= 213; id++) docs.push(doc(id, `unrelated ${id}`, 'nothing here'));
    await engine.store(db, docs.map(engine.prepare), { fresh: true });
    const checks = async (query: string) => {
      let count = 0;
      const counted = connect(`file:${join(dir, 'index.sqlite')}`, {
        onQuery: (event) => void (event.query.sql.includes('json_each') && count++),
      });
      const result = await engine.search(counted.db, tokeniseSubmittedQuery(query), { offset: 0, limit: 10 });
      await counted.destroy();
      return { count, first: result.hits[0] };
    };
    expect((await checks('pension zebra')).count).toBe(0);
    // With both words in the bodies of 1–12 instead, document 13's best case ranks first: it is checked,
    // found holding "zebra", and leads.
    await engine.store(
      db,
      docs.slice(0, 12).map((d) => engine.prepare({ ...d, text: { title: 'note', body: 'pension zebra' } })),
    );
    const checked = await checks('pension zebra');
    expect(checked.count).toBeGreaterThan(0);
    expect(checked.first).toMatchObject({ id: 13, matchedTerms: 2 });
  });

  it("keeps a filtered search in SQL until the kind's memory is loaded, and answers the same from memory", async () => {
    const engine = createSqliteKindIndex(TEST_KIND);
    await engine.store(
      db,
      [
        doc(1, 'pension transfer', '', '', { topic: 1, region: 'CN' }),
        doc(2, 'pension rules', '', '', { topic: 2, region: 'CN-GD' }),
        doc(3, 'pension in Shenzhen', '', '', { topic: 2, region: 'CN-GD-SZ' }),
      ].map(engine.prepare),
    );
    const found = async (everyTerm: boolean) =>
      (
        await engine.search(db, tokeniseSubmittedQuery('pension'), {
          filter: { topic: { in: [2] } },
          everyTerm,
          offset: 0,
          limit: 10,
        })
      ).hits
        .map((h) => h.id)
        .sort((a, b) => a - b);
    // Loading the memory puts every document in it: a search inside a request must not do that.
    const put = vi.spyOn(AttributeMemory.prototype, 'put');
    try {
      expect(await found(false)).toEqual([2, 3]);
      expect(await found(true)).toEqual([2, 3]);
      expect(put).not.toHaveBeenCalled();
      // The owner loads it (the jobs do when the process starts); then the same answers come from memory.
      await engine.view(db, []);
      expect(put).toHaveBeenCalledTimes(3);
      expect(await found(false)).toEqual([2, 3]);
      expect(await found(true)).toEqual([2, 3]);
    } finally {
      put.mockRestore();
    }
  });

  it('counts the total beyond a full-text stage that stopped at its cap', async () => {
    const engine = createSqliteKindIndex(TEST_KIND);
    // "zebra" said once in long bodies: no list holds it, only the full-text stage finds these documents.
    const docs = Array.from({ length: DEFAULT_PLAN.fullTextCap + 10 }, (_, i) => doc(i + 1, 'animals', longBody));
    await engine.store(db, docs.map(engine.prepare), { fresh: true });
    expect(await listedDocs('zebra')).toEqual([]);
    const result = await engine.search(db, tokeniseSubmittedQuery('zebra'), { offset: 0, limit: 10 });
    expect(result.total).toBe(DEFAULT_PLAN.fullTextCap + 10);
  });
});
