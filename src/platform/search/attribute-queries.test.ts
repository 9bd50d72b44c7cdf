import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDb } from '../db/tables';
import { openTestDatabase, testEngines } from '../db/test-databases';
import { createSearchEngine, defineSearchKind, type SearchKindIndex } from './index';
import { tokeniseSubmittedQuery } from './tokeniser';

/** A kind with attributes of every use: values to group by, amounts to order by, flags to require. */
const ITEM_KIND = defineSearchKind({
  name: 'test_item',
  title: { name: 'title', weight: 10, typicalLength: 8 },
  fields: [{ name: 'body', weight: 2, typicalLength: 50, bigrams: 'own-column' }],
  attributes: { place: 'text', amount: 'integer', flags: 'integer' },
});

const ITEMS = [
  { id: 1, title: 'welder', body: 'night shifts', place: 'a', amount: 9000, flags: 0b011 },
  { id: 2, title: 'accountant', body: 'month end', place: 'b', amount: 15000, flags: 0b001 },
  { id: 3, title: 'welder', body: 'day shifts', place: 'b', amount: 12000, flags: 0b111 },
  { id: 4, title: 'night welder', body: 'long routes', place: 'a', amount: 12000, flags: 0b100 },
  { id: 5, title: '焊工', body: '夜班', place: 'c', amount: 7000, flags: 0b010 },
];

describe.each(testEngines)('listings and counts over attributes on $name', (engine) => {
  let db: AppDb;
  let dispose: () => Promise<void>;
  let items: SearchKindIndex;
  const words = (q: string) => tokeniseSubmittedQuery(q);

  beforeAll(async () => {
    const handle = await openTestDatabase(engine);
    db = handle.db;
    dispose = handle.close;
    items = createSearchEngine(engine.name).index(ITEM_KIND);
    await items.ensure(db);
    await items.rebuilt(db);
    await items.store(
      db,
      ITEMS.map((i) =>
        items.prepare({
          id: i.id,
          text: { title: i.title, body: i.body },
          attributes: { place: i.place, amount: i.amount, flags: i.flags },
        }),
      ),
    );
  });
  afterAll(async () => dispose?.());

  it('lists in attribute order, the higher id first on ties, a page at a time', async () => {
    const order = [{ attribute: 'amount', descending: true }];
    expect(await items.list(db, [], { order, offset: 0, limit: 10 })).toEqual([2, 4, 3, 1, 5]);
    expect(await items.list(db, [], { order, offset: 1, limit: 2 })).toEqual([4, 3]);
    const ascending = [{ attribute: 'amount', descending: false }];
    expect(await items.list(db, [], { order: ascending, offset: 0, limit: 3 })).toEqual([5, 1, 4]);
  });

  it('lists only documents holding every word (in any of its forms: welders, welder) meeting the filter', async () => {
    const order = [{ attribute: 'amount', descending: true }];
    expect(await items.list(db, words('welders'), { order, offset: 0, limit: 10 })).toEqual([4, 3, 1]);
    expect(await items.list(db, words('night welder'), { order, offset: 0, limit: 10 })).toEqual([4, 1]);
    const filter = { place: { in: ['a'] }, amount: { max: 10000 } };
    expect(await items.list(db, words('welders'), { filter, order, offset: 0, limit: 10 })).toEqual([1]);
  });

  it('requires every bit of a flags condition', async () => {
    const order = [{ attribute: 'amount', descending: true }];
    const list = (allBits: number) =>
      items.list(db, [], { filter: { flags: { allBits } }, order, offset: 0, limit: 9 });
    expect(await list(0b001)).toEqual([2, 3, 1]);
    expect(await list(0b011)).toEqual([3, 1]);
    expect(await list(0b110)).toEqual([3]);
    expect(await (await items.view(db, [])).count({ flags: { allBits: 0b100 } })).toBe(2);
  });

  it('counts exactly, by values and by named filters', async () => {
    expect(await (await items.view(db, [])).count(undefined)).toBe(5);
    expect(await (await items.view(db, words('welders'))).count({ place: { in: ['a', 'b'] } })).toBe(3);
    expect(Object.fromEntries(await (await items.view(db, [])).countBy(undefined, { attribute: 'place' }))).toEqual({
      a: 2,
      b: 2,
      c: 1,
    });
    expect(
      Object.fromEntries(await (await items.view(db, words('welders'))).countBy(undefined, { attribute: 'place' })),
    ).toEqual({
      a: 2,
      b: 1,
    });
    const byFilters = await (await items.view(db, [])).countBy(
      { place: { in: ['a', 'b'] } },
      {
        filters: {
          cheap: { amount: { max: 10000 } },
          night: { flags: { allBits: 0b010 } },
          none: { place: { in: [] } },
        },
      },
    );
    expect(Object.fromEntries(byFilters)).toEqual({ cheap: 1, night: 2, none: 0 });
  });

  it('refuses an attribute the kind does not have', async () => {
    await expect(
      items.list(db, [], { order: [{ attribute: 'salary', descending: true }], offset: 0, limit: 1 }),
    ).rejects.toThrow(/no attribute "salary"/);
    await expect((await items.view(db, [])).countBy(undefined, { attribute: 'salary' })).rejects.toThrow(
      /no attribute/,
    );
  });
});
