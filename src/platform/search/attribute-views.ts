/**
 * Listings and counts over a kind's attributes, answered from memory (attribute-memory.ts) kept in step with the
 * database through the kind's _change log_ (decision 0117):
 * - every store/remove/removeAll writes the ids it touched to `search_<kind>_changes` in the writer's
 *   transaction (0 for "everything"), so a rolled-back write leaves no trace and every process sees every
 *   committed one, whoever wrote it;
 * - a view first reads the entries after the last one it applied and re-reads those documents' attributes
 *   (a few microseconds when nothing changed); a "everything" entry, a gap (entries pruned before it read
 *   them) or a log made anew loads the whole table again;
 * - inside a transaction (which may see its own uncommitted writes) the view is the SQL of attribute-queries.ts.
 */
import { type RawBuilder, sql } from 'kysely';
import { chunksOf } from '../db/chunks';
import type { DialectName } from '../db/connection';
import { AttributeMemory, type Matches } from './attribute-memory';
import { type AttributeSource, countByAttributes, countByValues, listByAttributes } from './attribute-queries';
import type { Bitset } from './bitset';
import type { SearchKind } from './kinds';
import type { QueryTerm } from './tokeniser';
import type { AttributeValue, AttributeView, Db, SearchFilter } from './types';
import { WordSets } from './word-sets';

/** Log entries kept: a process that fell further behind loads everything again. */
const CHANGES_KEPT = 10_000;
/** Documents read per statement when loading. */
const LOAD_CHUNK = 50_000;
/** Beyond this many changed documents at once, the kept orders are sorted anew rather than kept in step. */
const MANY_CHANGES = 256;

/** What an engine adds to its attribute source for the memory: its full-text matches and its change log. */
export interface MemorySource extends AttributeSource {
  dialect: DialectName;
  /** The kind's change log table. */
  changes: RawBuilder<unknown>;
  /** Ids of the documents holding every term. */
  matchingIds(db: Db, terms: QueryTerm[]): Promise<number[]>;
  /** Those of `docs` holding every term. */
  holdingAmong(db: Db, terms: QueryTerm[], docs: number[]): Promise<number[]>;
}

const inTransaction = (db: Db) => (db as { isTransaction?: boolean }).isTransaction === true;

function sqlView(kind: SearchKind, source: AttributeSource, db: Db, terms: QueryTerm[]): AttributeView {
  return {
    count: (filter) => countByAttributes(db, kind, source, terms, filter),
    countBy: (filter, by) => countByValues(db, kind, source, terms, filter, by),
    list: (options) => listByAttributes(db, kind, source, terms, options),
  };
}

function memoryView(memory: AttributeMemory, holding: Bitset | undefined): AttributeView {
  // A search page asks the same filter several times (the total, the page, the facets without a filter of their
  // own): its matches are intersected once.
  const byFilter = new Map<string, Matches>();
  const matches = (filter: SearchFilter | undefined) => {
    const key = JSON.stringify(filter ?? {});
    let found = byFilter.get(key);
    if (!found) {
      found = memory.matches(memory.matching(filter, holding));
      byFilter.set(key, found);
    }
    return found;
  };
  return {
    count: async (filter) => matches(filter).size,
    countBy: async (filter, by) => memory.countBy(matches(filter), by),
    list: async ({ filter, order, offset, limit }) => memory.list(matches(filter), order, offset, limit),
  };
}

export function createAttributeViews(kind: SearchKind, source: MemorySource) {
  const { changes } = source;
  const columns = sql.raw([source.id, ...kind.attributeNames].map((c) => `d.${c}`).join(', '));
  let memory: AttributeMemory | undefined;
  /** The words searched most recently, as sets of the memory's slots. */
  let wordSets: WordSets | undefined;
  /** The last log entry applied. */
  let seen = 0;
  /** One catch-up at a time (concurrent requests wait for it rather than each applying the same entries). */
  let turn: Promise<unknown> = Promise.resolve();

  const valuesOf = (row: Record<string, unknown>) => kind.attributeNames.map((name) => row[name] as AttributeValue);

  async function lastEntry(db: Db): Promise<number> {
    const { rows } = await sql<{ seq: number | string | null }>`select max(seq) as seq from ${changes}`.execute(db);
    return Number(rows[0]?.seq ?? 0);
  }

  /** The next documents after `after`, each as [id, ...attributes]. */
  async function loadChunk(db: Db, after: number): Promise<AttributeValue[][]> {
    const chunk = sql`select ${columns} from ${source.table} d where d.${sql.raw(source.id)} > ${after}
      order by d.${sql.raw(source.id)} limit ${LOAD_CHUNK}`;
    if (source.dialect === 'sqlite') {
      // One JSON array of arrays rather than a row object per document: 1.3 s instead of 3.0 s for 100 k.
      const names = sql.raw([source.id, ...kind.attributeNames].map((c) => `r.${c}`).join(', '));
      const { rows } = await sql<{ rows: string }>`
        select json_group_array(json_array(${names})) as rows from (${chunk}) r`.execute(db);
      return JSON.parse(rows[0]?.rows ?? '[]') as AttributeValue[][];
    }
    const { rows } = await chunk.$castTo<Record<string, unknown>>().execute(db);
    return rows.map((row) => [Number(row[source.id]), ...valuesOf(row)]);
  }

  async function load(db: Db): Promise<AttributeMemory> {
    // The log's end first: what is written during the load is applied again afterwards (applying is idempotent).
    const last = await lastEntry(db);
    const fresh = new AttributeMemory(kind, source.dialect === 'postgres');
    for (let after = 0; ; ) {
      const rows = await loadChunk(db, after);
      for (const row of rows) {
        fresh.put(Number(row[0]), row.slice(1));
        // The highest id read, whatever order the aggregate kept.
        after = Math.max(after, Number(row[0]));
      }
      if (rows.length < LOAD_CHUNK) break;
    }
    memory = fresh;
    wordSets = new WordSets(fresh);
    seen = last;
    return fresh;
  }

  async function apply(db: Db, current: AttributeMemory, docs: number[]): Promise<void> {
    if (docs.length > MANY_CHANGES) current.dropOrders();
    const present = new Set<number>();
    for (const chunk of chunksOf(docs.map((id) => ({ id })))) {
      const { rows } = await sql<Record<string, unknown>>`
        select ${columns} from ${source.table} d
        where d.${sql.raw(source.id)} in (${sql.join(chunk.map((c) => c.id))})`.execute(db);
      for (const row of rows) {
        const id = Number(row[source.id]);
        present.add(id);
        current.put(id, valuesOf(row));
      }
    }
    for (const id of docs) if (!present.has(id)) current.delete(id);
    wordSets?.noteChanged(docs);
  }

  async function catchUp(db: Db): Promise<AttributeMemory> {
    if (!memory) return load(db);
    const { rows } = await sql<{ seq: number | string; doc: number }>`
      select seq, doc from ${changes} where seq > ${seen} or seq = (select max(seq) from ${changes})
      order by seq`.execute(db);
    const last = Number(rows.at(-1)?.seq ?? 0);
    if (last === seen) return memory;
    // The log made anew (fewer entries than seen), entries pruned before this process read them, or "everything".
    const fresh = rows.filter((row) => Number(row.seq) > seen);
    if (last < seen || last - seen > CHANGES_KEPT || fresh.some((row) => Number(row.doc) === 0)) return load(db);
    await apply(db, memory, [...new Set(fresh.map((row) => Number(row.doc)))]);
    seen = last;
    return memory.wasteful ? load(db) : memory;
  }

  function caughtUp(db: Db): Promise<AttributeMemory> {
    const next = turn.then(() => catchUp(db));
    turn = next.catch(() => undefined);
    return next;
  }

  /** A view over memory already caught up. */
  async function viewOf(current: AttributeMemory, db: Db, terms: QueryTerm[]): Promise<AttributeView> {
    const sets = wordSets;
    if (terms.length === 0 || !sets) return memoryView(current, undefined);
    const holding = await sets.holding(
      JSON.stringify(terms),
      () => source.matchingIds(db, terms),
      (docs) => source.holdingAmong(db, terms, docs),
    );
    return memoryView(current, holding);
  }

  return {
    /** The kind's change log, made when missing (every engine's `ensure`). */
    async ensureLog(db: Db): Promise<void> {
      const seq = source.dialect === 'postgres' ? 'seq bigserial primary key' : 'seq integer primary key autoincrement';
      await sql`create table if not exists ${changes} (${sql.raw(seq)}, doc integer not null)`.execute(db);
    },

    /** Records that these documents changed (or every one: 'all'); call in the transaction that changed them. */
    async logChanges(db: Db, ids: number[] | 'all'): Promise<void> {
      if (ids !== 'all' && ids.length === 0) return;
      if (source.dialect === 'postgres') {
        // Writers take turns until they commit, so entries become visible in the order of their numbers: a reader
        // that has seen entry n never misses an entry below n committed later.
        await sql`select pg_advisory_xact_lock(hashtext(${`search_changes_${kind.name}`}))`.execute(db);
      }
      const docs = ids === 'all' ? [0] : ids;
      for (const chunk of chunksOf(docs.map((id) => ({ id })))) {
        await sql`insert into ${changes} (doc) values ${sql.join(chunk.map((c) => sql`(${c.id})`))}`.execute(db);
      }
      await sql`delete from ${changes} where seq < (select max(seq) from ${changes}) - ${CHANGES_KEPT}`.execute(db);
    },

    /**
     * What the SQLite relevance search takes from memory (sqlite-search.ts), outside transactions: a filter as a
     * test (a filter in SQL lists every document meeting it first), and for a search of documents holding every
     * term (`everyTerm`), those meeting the filter: the newest, and how many. A search without either reads
     * nothing from memory (the questions' search, whose common words are in half the documents). Nor does a kind
     * whose memory was never loaded: only a kind whose owner loads it when the process starts (the jobs) holds
     * its attributes in memory; the others' searches stay in SQL rather than load a whole table inside a request.
     */
    async forSearch(db: Db, terms: QueryTerm[], filter: SearchFilter | undefined, everyTerm: boolean) {
      const filtered = Object.keys(filter ?? {}).length > 0;
      if (!memory || inTransaction(db) || terms.length === 0 || (!filtered && !everyTerm)) return {};
      const current = await caughtUp(db);
      const sets = current.matching(filter);
      const meetsFilter = filtered ? (doc: number) => current.holds(sets, doc) : undefined;
      if (!everyTerm) return { meetsFilter };
      const view = await viewOf(current, db, terms);
      return {
        meetsFilter,
        holdingAll: {
          newest: (cap: number) => view.list({ filter, order: [], offset: 0, limit: cap }),
          count: () => view.count(filter),
        },
      };
    },

    /** A view of the documents holding every term (all, without terms), as of now. */
    async view(db: Db, terms: QueryTerm[]): Promise<AttributeView> {
      if (inTransaction(db)) return sqlView(kind, source, db, terms);
      return viewOf(await caughtUp(db), db, terms);
    },
  };
}
