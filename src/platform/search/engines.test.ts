import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDb } from '../db/tables';
import { openTestDatabase, testEngines } from '../db/test-databases';
import { createSearchEngine, defineSearchKind, type SearchKindIndex } from './index';
import { testDocument as doc, TEST_KIND } from './testing';
import { tokeniseSubmittedQuery } from './tokeniser';

/** A second kind beside the test kind, with attributes of its own: a job-like document. */
const JOB_KIND = defineSearchKind({
  name: 'test_job',
  title: { name: 'title', weight: 10, typicalLength: 8 },
  fields: [{ name: 'description', weight: 2, typicalLength: 200, bigrams: 'own-column' }],
  attributes: { city: 'text', salary: 'integer' },
});

describe.each(testEngines)('the search engine on $name', (engine) => {
  let db: AppDb;
  let dispose: () => Promise<void>;
  let docs: SearchKindIndex;
  let jobs: SearchKindIndex;
  const ids = async (
    index: SearchKindIndex,
    query: string,
    filter?: Parameters<SearchKindIndex['search']>[2]['filter'],
  ) =>
    (await index.search(db, tokeniseSubmittedQuery(query), { filter, offset: 0, limit: 10 })).hits
      .map((h) => h.id)
      .sort((a, b) => a - b);

  beforeAll(async () => {
    const handle = await openTestDatabase(engine);
    db = handle.db;
    dispose = handle.close;
    const search = createSearchEngine(engine.name);
    docs = search.index(TEST_KIND);
    jobs = search.index(JOB_KIND);
    for (const index of [docs, jobs]) {
      await index.ensure(db);
      await index.rebuilt(db);
    }
    await docs.store(
      db,
      [
        doc(1, 'pension transfer', '', '', { topic: 1, region: 'CN' }),
        doc(2, 'pension rules in Guangdong', '', '', { topic: 1, region: 'CN-GD' }),
        doc(3, 'pension in Shenzhen', '', '', { topic: 2, region: 'CN-GD-SZ' }),
      ].map((d) => docs.prepare(d)),
    );
    // The same ids in another kind are other documents.
    await jobs.store(
      db,
      [
        {
          id: 1,
          text: { title: 'driver', description: 'pension and housing fund paid' },
          attributes: { city: 'CN-BJ', salary: 9000 },
        },
        {
          id: 2,
          text: { title: 'accountant', description: 'pension on the minimum base' },
          attributes: { city: 'CN-SH', salary: 15000 },
        },
        { id: 3, text: { title: 'driver', description: 'night shifts' }, attributes: { city: 'CN-SH', salary: 12000 } },
      ].map((d) => jobs.prepare(d)),
    );
  });
  afterAll(async () => dispose?.());

  it('keeps each kind to its own documents', async () => {
    expect(await ids(docs, 'pension')).toEqual([1, 2, 3]);
    expect(await ids(jobs, 'pension')).toEqual([1, 2]);
    expect(await ids(jobs, 'driver')).toEqual([1, 3]);
    expect(await ids(docs, 'driver')).toEqual([]);
  });

  it('filters by the attributes stored with each document', async () => {
    expect(await ids(docs, 'pension', { topic: { in: [1] } })).toEqual([1, 2]);
    expect(await ids(docs, 'pension', { topic: { in: [1] }, region: { in: ['CN-GD', 'CN-GD-SZ'] } })).toEqual([2]);
    expect(await ids(docs, 'pension', { region: { in: [] } })).toEqual([]);
    expect(await ids(jobs, 'driver', { salary: { min: 10000 } })).toEqual([3]);
    expect(await ids(jobs, 'pension', { salary: { min: 9000, max: 12000 } })).toEqual([1]);
    expect(await ids(jobs, 'driver', { city: { in: ['CN-SH'] }, salary: { max: 11000 } })).toEqual([]);
  });

  it('follows a document whose attributes changed, and forgets a removed one', async () => {
    await jobs.index(db, {
      id: 3,
      text: { title: 'driver', description: 'day shifts' },
      attributes: { city: 'CN-BJ', salary: 12000 },
    });
    expect(await ids(jobs, 'driver', { city: { in: ['CN-BJ'] } })).toEqual([1, 3]);
    await jobs.remove(db, 1);
    expect(await ids(jobs, 'driver', { city: { in: ['CN-BJ'] } })).toEqual([3]);
  });

  it('refuses a filter on an attribute the kind does not have', async () => {
    await expect(ids(docs, 'pension', { salary: { min: 1 } })).rejects.toThrow(/no attribute "salary"/);
  });
});
