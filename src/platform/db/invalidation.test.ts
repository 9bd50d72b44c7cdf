import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TtlCache } from '../web/ttl-cache';
import { connect, type DatabaseHandle } from './connection';
import { decodeMessage, encodeMessage, localInvalidation } from './invalidation';
import { migrateToLatest } from './migrate';
import { testEngines } from './test-databases';

/** Resolves when `check` holds, polling; fails after `ms`. */
async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('invalidation messages', () => {
  it('carry topic:key, the topic alone for everything, and a key past NOTIFY’s 8000 bytes as everything', () => {
    expect(encodeMessage('questions', 12)).toBe('questions:12');
    expect(decodeMessage('questions:12')).toEqual({ topic: 'questions', key: '12' });
    expect(decodeMessage('cities:a:b')).toEqual({ topic: 'cities', key: 'a:b' });
    expect(decodeMessage(encodeMessage('statutes'))).toEqual({ topic: 'statutes', key: null });
    expect(encodeMessage('jobs', '字'.repeat(3_000))).toBe('jobs');
    expect(() => encodeMessage('a:b', 1)).toThrow(/topic/);
  });

  it('reach this process at once (SQLite: only this process), and a shared cache forgets on them', () => {
    const invalidation = localInvalidation();
    const heard: (string | null)[] = [];
    invalidation.subscribe('questions', (key) => heard.push(key));
    const here = new TtlCache<number, string>(1000, 10, Date.now, undefined, {
      invalidation,
      topic: 'questions',
      keyOf: Number,
    });
    const there = new TtlCache<number, string>(1000, 10, Date.now, undefined, {
      invalidation,
      topic: 'questions',
      keyOf: Number,
    });
    for (const cache of [here, there]) {
      cache.set(1, 'a');
      cache.set(2, 'b');
    }
    here.delete(1);
    expect([there.get(1), there.get(2)]).toEqual([undefined, 'b']);
    // A failed load is forgotten here alone: nobody else holds it.
    here.discard(2);
    expect(there.get(2)).toBe('b');
    here.clear();
    expect(there.get(2)).toBeUndefined();
    expect(heard).toEqual(['1', null]);
  });
});

const postgres = testEngines.find((engine) => engine.name === 'postgres');

describe.skipIf(!postgres)('invalidation on PostgreSQL (two connections as two servers)', () => {
  let dispose: () => Promise<void>;
  let elsewhere: { dispose(): Promise<void>; handle: DatabaseHandle };
  let a: DatabaseHandle;
  let b: DatabaseHandle;

  beforeAll(async () => {
    const opened = await postgres!.open();
    dispose = opened.dispose;
    a = connect(opened.url);
    b = connect(opened.url);
    await migrateToLatest(a.db, a.dialect);
    const other = await postgres!.open();
    elsewhere = { dispose: other.dispose, handle: connect(other.url) };
  });
  afterAll(async () => {
    await Promise.all([a?.destroy(), b?.destroy(), elsewhere?.handle.destroy()]);
    await Promise.all([dispose?.(), elsewhere?.dispose()]);
  });

  it('tells the other server, not a site in another schema, and starts again after losing its connection', async () => {
    const heardByB: (string | null)[] = [];
    const heardElsewhere: (string | null)[] = [];
    const heardByA: (string | null)[] = [];
    a.invalidation.subscribe('questions', (key) => heardByA.push(key));
    await a.invalidation.listen();
    b.invalidation.subscribe('questions', (key) => heardByB.push(key));
    elsewhere.handle.invalidation.subscribe('questions', (key) => heardElsewhere.push(key));
    const errors: string[] = [];
    await b.invalidation.listen({ onError: (_error, what) => errors.push(what) });
    await elsewhere.handle.invalidation.listen();

    a.invalidation.publish('questions', 7);
    await eventually(() => heardByB.includes('7'));
    // A delivered its own message at once and does not hear it again (that would drop what it reloaded since).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heardByA).toEqual(['7']);

    // The listening connection dies (a restart of the database, a dropped network): B reconnects and, having
    // possibly missed messages, forgets everything; then it hears again.
    const pid = b.invalidation.listenerProcessId();
    expect(pid).toBeGreaterThan(0);
    await sql`select pg_terminate_backend(${pid})`.execute(a.db);
    await eventually(() => heardByB.includes(null), 5_000);
    expect(b.invalidation.listenerProcessId()).not.toBe(pid);
    expect(errors.some((what) => /lost the listening connection/.test(what))).toBe(true);
    a.invalidation.publish('questions', 8);
    await eventually(() => heardByB.includes('8'));

    expect(heardElsewhere).toEqual([]);
  });
});
