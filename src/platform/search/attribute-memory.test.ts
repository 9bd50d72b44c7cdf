import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDb } from '../db/tables';
import { openTestDatabase, testEngines } from '../db/test-databases';
import {
  type AttributeCondition,
  type AttributeView,
  type CountBy,
  createSearchEngine,
  defineSearchKind,
  type SearchFilter,
  type SearchKindIndex,
} from './index';
import { tokeniseSubmittedQuery } from './tokeniser';

/**
 * The in-memory answers (attribute-memory.ts) against the SQL ones (attribute-queries.ts, what a view inside a
 * transaction runs) on random documents, filters, counts and orders, after random changes; and the change log
 * that keeps a second process's memory in step.
 */
const KIND = defineSearchKind({
  name: 'test_memory',
  title: { name: 'title', weight: 10, typicalLength: 8 },
  fields: [{ name: 'body', weight: 2, typicalLength: 20, bigrams: 'own-column' }],
  attributes: { place: 'text', level: 'text', amount: 'integer', posted: 'integer', flags: 'integer' },
});

const WORDS = ['welder', 'driver', 'cook', 'nurse'];
const PLACES = ['a', 'b', 'c', 'd', 'e'];
const LEVELS = ['x', 'y', 'z'];

interface Doc {
  id: number;
  title: string;
  place: string | null;
  level: string | null;
  amount: number | null;
  posted: number;
  flags: number | null;
}

const docArb = (id: number) =>
  fc.record({
    id: fc.constant(id),
    title: fc.constantFrom(...WORDS),
    place: fc.option(fc.constantFrom(...PLACES), { freq: 6 }),
    level: fc.option(fc.constantFrom(...LEVELS), { freq: 6 }),
    amount: fc.option(
      fc.integer({ min: 0, max: 20 }).map((n) => n * 1000),
      { freq: 6 },
    ),
    posted: fc.integer({ min: 0, max: 40 }),
    flags: fc.option(fc.integer({ min: 0, max: 15 }), { freq: 6 }),
  });

const conditionArb: fc.Arbitrary<[string, AttributeCondition]> = fc.oneof(
  fc.tuple(
    fc.constantFrom('place', 'level'),
    fc.subarray([...PLACES, ...LEVELS]).map((v) => ({ in: v })),
  ),
  fc.tuple(
    fc.constantFrom('amount', 'posted'),
    fc.record(
      { min: fc.integer({ min: 0, max: 20_000 }), max: fc.integer({ min: 0, max: 20_000 }) },
      { requiredKeys: [] },
    ),
  ),
  fc.tuple(
    fc.constant('amount'),
    fc.subarray([0, 1000, 5000, 9000, 20_000]).map((v) => ({ in: v })),
  ),
  fc.tuple(
    fc.constant('flags'),
    fc.integer({ min: 0, max: 15 }).map((allBits) => ({ allBits })),
  ),
);
const filterArb: fc.Arbitrary<SearchFilter> = fc.array(conditionArb, { maxLength: 3 }).map(Object.fromEntries);
const countByArb: fc.Arbitrary<CountBy> = fc.oneof(
  fc.constantFrom('place', 'level', 'amount', 'flags').map((attribute) => ({ attribute })),
  fc.dictionary(fc.constantFrom('p', 'q', 'r'), filterArb).map((filters) => ({ filters })),
);
const questionArb = fc.record({
  words: fc.constantFrom('', ...WORDS),
  filter: filterArb,
  by: countByArb,
  order: fc.constantFrom('amount', 'posted', 'place').chain((attribute) =>
    fc.boolean().map((descending) => [
      { attribute, descending },
      { attribute: 'posted', descending: true },
    ]),
  ),
  offset: fc.integer({ min: 0, max: 5 }),
});

type Question = typeof questionArb extends fc.Arbitrary<infer T> ? T : never;

const prepared = (index: SearchKindIndex, docs: Doc[]) =>
  docs.map(({ id, title, ...attributes }) => index.prepare({ id, text: { title, body: '' }, attributes }));

describe.each(testEngines)('attributes in memory on $name', (engine) => {
  let db: AppDb;
  let dispose: () => Promise<void>;
  let index: SearchKindIndex;

  beforeAll(async () => {
    const handle = await openTestDatabase(engine);
    db = handle.db;
    dispose = handle.close;
    index = createSearchEngine(engine.name).index(KIND);
    await index.ensure(db);
  });
  afterAll(async () => dispose?.());

  /** The same question of a view in memory and of one in SQL (inside a transaction). */
  async function expectSameAnswers(question: Question) {
    const terms = question.words ? tokeniseSubmittedQuery(question.words) : [];
    const ask = (view: AttributeView) =>
      Promise.all([
        view.count(question.filter),
        view.countBy(question.filter, question.by).then((m) => Object.fromEntries(m)),
        view.list({ filter: question.filter, order: question.order, offset: question.offset, limit: 7 }),
      ]);
    const inMemory = await ask(await index.view(db, terms));
    const bySql = await db.transaction().execute(async (trx) => ask(await index.view(trx, terms)));
    // A count by named filters lists every name (zeros too); by values, only values found (SQL's GROUP BY).
    expect(inMemory).toEqual(bySql);
  }

  it('answers as the SQL does, after loading and after changes', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => i * 3 + 1);
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(...ids.map(docArb)),
        fc.array(fc.tuple(fc.constantFrom(...ids), fc.boolean()), { maxLength: 12 }),
        fc.array(questionArb, { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 1000 }),
        async (docs, changes, questions, seed) => {
          await index.removeAll(db);
          await index.store(db, prepared(index, docs));
          await index.rebuilt(db);
          await expectSameAnswers(questions[0]!);
          // Replaced or removed documents, one write each, as the owner's transactions make them.
          for (const [id, remove] of changes) {
            if (remove) await index.remove(db, id);
            else {
              const doc = docs.find((d) => d.id === id)!;
              const moved = {
                ...doc,
                title: WORDS[(seed + id) % WORDS.length]!,
                place: PLACES[(seed + id) % PLACES.length]!,
                amount: (seed % 20) * 1000,
              };
              await index.store(db, prepared(index, [moved]));
            }
          }
          // The same words again: their kept set, brought up to date with the changes (word-sets.ts).
          await expectSameAnswers({ ...questions[1]!, words: questions[0]!.words });
          await expectSameAnswers({ ...questions[2]!, words: '' });
        },
      ),
      { numRuns: engine.name === 'postgres' ? 10 : 80 },
    );
  });

  it("keeps another process's memory in step through the change log, and ignores a rolled-back write", async () => {
    const other = createSearchEngine(engine.name).index(KIND);
    const doc = (id: number, place: string): Doc => ({
      id,
      title: 'welder',
      place,
      level: 'x',
      amount: 1000,
      posted: id,
      flags: 1,
    });
    await index.removeAll(db);
    await index.store(db, prepared(index, [doc(1, 'a'), doc(2, 'b')]));
    await index.rebuilt(db);
    const places = async () =>
      Object.fromEntries(await (await other.view(db, [])).countBy(undefined, { attribute: 'place' }));
    expect(await places()).toEqual({ a: 1, b: 1 });

    await index.store(db, prepared(index, [doc(3, 'a')]));
    await index.remove(db, 2);
    expect(await places()).toEqual({ a: 2 });

    await expect(
      db.transaction().execute(async (trx) => {
        await index.store(trx, prepared(index, [doc(4, 'c')]));
        // Inside the transaction, its own write counts (the view is SQL there).
        expect(await (await index.view(trx, [])).count({ place: { in: ['c'] } })).toBe(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await places()).toEqual({ a: 2 });
    expect(
      await (await index.view(db, tokeniseSubmittedQuery('welder'))).list({ order: [], offset: 0, limit: 9 }),
    ).toEqual([3, 1]);
  });
});
