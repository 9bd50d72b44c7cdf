/**
 * The PostgreSQL half of `npm run bench:search` (BENCH_DATABASE_URL): builds the same synthetic corpus through
 * the PostgreSQL engine in a database it creates (and drops afterwards), then times the same queries through the
 * engine's plans and through a plain tsvector query over the same tokens (to_tsvector('simple') of each
 * document's token text, GIN-indexed; plainto_tsquery, ORDER BY ts_rank LIMIT 10, and a count), in one run.
 */
import { Worker } from 'node:worker_threads';
import { SingleBar } from 'cli-progress';
import { sql } from 'kysely';
import pg from 'pg';
import { QUESTION_KIND } from '../src/inquiry';
import { connect } from '../src/platform/db/connection';
import { migrateToLatest } from '../src/platform/db/migrate';
import type { AppDb } from '../src/platform/db/tables';
import type { PreparedDocument, SearchKindIndex } from '../src/platform/search';
import { setDocumentCount } from '../src/platform/search/kind-state';
import { tokeniseQuery, tokeniseSubmittedQuery } from '../src/platform/search/tokeniser';

const PLAIN = sql.raw('bench_plain_documents');

/** A tsvector literal's tokens back in document order ('a':1A,5C 'b':2A → "a b … a"): the text the plain table indexes. */
export function tokenText(literal: string): string {
  const at: [number, string][] = [];
  for (const [, token, positions] of literal.matchAll(/'([^']+)':([0-9A-D,]+)/g)) {
    for (const p of positions!.split(',')) at.push([Number.parseInt(p, 10), token!]);
  }
  return at
    .sort((a, b) => a[0] - b[0])
    .map(([, token]) => token)
    .join(' ');
}

/** Creates the database named in `url` on its server (it must not exist yet); returns its dropper. */
export async function createDatabase(url: string): Promise<() => Promise<void>> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`BENCH_DATABASE_URL: database name "${name}" refused`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  // Refuses an existing database rather than dropping someone's data.
  await run(`create database ${name}`);
  return () => run(`drop database if exists ${name}`);
}

async function build(db: AppDb, index: SearchKindIndex, size: number, seed: number): Promise<number> {
  await sql`create table ${PLAIN} (id integer primary key, document tsvector not null)`.execute(db);
  const bar = new SingleBar({
    format: `  postgres ${size.toLocaleString('en')} {bar} {value}/{total} {eta_formatted}`,
  });
  bar.start(size, 0);
  const started = performance.now();
  // One writer: batches go in one after another, each in its own transaction, as the workers hand them over.
  let writes = Promise.resolve();
  const write = (docs: PreparedDocument[]) => {
    writes = writes.then(async () => {
      await db.transaction().execute((trx) => index.store(trx, docs, { fresh: true }));
      const ids = docs.map((d) => d.id);
      const texts = docs.map((d) => tokenText(d.fields[0]!));
      await sql`insert into ${PLAIN} (id, document)
        select id, to_tsvector('simple', t) from unnest(cast(${ids} as integer[]), cast(${texts} as text[])) u(id, t)`.execute(
        db,
      );
      bar.increment(docs.length);
    });
    return writes;
  };
  const workers = 2;
  const per = Math.ceil(size / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const from = w * per + 1;
      const to = Math.min(size, (w + 1) * per);
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./search-index-worker.mjs', import.meta.url), {
          workerData: { from, to, seed, batchSize: 1000, engine: 'postgres' },
        });
        worker.on('message', (message: PreparedDocument[] | 'done') => {
          if (message === 'done') return void worker.terminate().then(() => resolve());
          write(message).catch(reject);
        });
        worker.on('error', reject);
      });
    }),
  );
  await writes;
  await setDocumentCount(db, QUESTION_KIND.name, size);
  await sql`create index bench_plain_documents_gin on ${PLAIN} using gin (document)`.execute(db);
  // What autovacuum would have done by the time a built index serves: statistics, visibility map, GIN pending lists.
  await sql`vacuum analyze`.execute(db);
  bar.stop();
  return performance.now() - started;
}

export interface PostgresRun {
  buildMs: number;
  databaseBytes: number;
  /** Timings of each plan's pass, by name, and of the plain query's. */
  plans: { name: string; times: number[]; empty: number; top: number[][] }[];
  plain: number[];
  /** What `measured` said, asked before the database was dropped. */
  extra?: string;
}

/** Builds `size` documents through `indexes[0]` (all must share its tables) and times every plan on `queries`. */
export async function benchPostgres(
  url: string,
  size: number,
  seed: number,
  queries: string[],
  indexes: { name: string; index: SearchKindIndex }[],
  measured?: (db: AppDb, run: PostgresRun) => Promise<string>,
): Promise<PostgresRun> {
  // BENCH_PG_REUSE=1: the database a run with BENCH_KEEP_INDEX=1 kept (the 1 M build takes half an hour); its
  // index is brought to the current layout by ensure(), as a server's start would, and it is kept again.
  const reuse = process.env.BENCH_PG_REUSE === '1';
  const drop = reuse ? async () => undefined : await createDatabase(url);
  const { db } = connect(url);
  try {
    await migrateToLatest(db, 'postgres');
    await indexes[0]!.index.ensure(db);
    const buildMs = reuse ? Number.NaN : await build(db, indexes[0]!.index, size, seed);
    if (reuse) {
      const { rows: kept } = await sql<{ n: string }>`select count(*) as n from ${PLAIN}`.execute(db);
      if (Number(kept[0]?.n) !== size)
        throw new Error(`BENCH_PG_REUSE: ${url} holds ${kept[0]?.n} documents, not ${size}`);
    }
    const { rows } = await sql<{ bytes: string }>`select pg_database_size(current_database()) as bytes`.execute(db);
    const plans: PostgresRun['plans'] = [];
    for (const { name, index } of indexes) {
      for (const q of queries.slice(0, 20)) await index.search(db, tokeniseSubmittedQuery(q), { offset: 0, limit: 10 });
      const run = { name, times: [] as number[], empty: 0, top: [] as number[][] };
      for (const q of queries) {
        const terms = tokeniseSubmittedQuery(q);
        const t0 = performance.now();
        const result = await index.search(db, terms, { offset: 0, limit: 10 });
        run.times.push(performance.now() - t0);
        if (result.hits.length === 0) run.empty++;
        run.top.push(result.hits.map((h) => h.id));
      }
      plans.push(run);
    }
    const plain: number[] = [];
    // BENCH_PLAIN_QUERIES: fewer plain queries (at 1 M each takes about a second).
    for (const q of queries.slice(0, Number(process.env.BENCH_PLAIN_QUERIES ?? queries.length))) {
      // The user's own tokens, as the SQLite plain query takes them; plainto_tsquery ANDs them.
      const tokens = [
        ...new Set(
          tokeniseQuery(q, { synonyms: false }).flatMap((t) =>
            t.alternatives.filter((a) => !a.bigram).flatMap((a) => a.tokens),
          ),
        ),
      ];
      if (tokens.length === 0) continue;
      const text = tokens.join(' ');
      const t0 = performance.now();
      await sql`select id from ${PLAIN}, plainto_tsquery('simple', ${text}) query
                where document @@ query order by ts_rank(document, query) desc limit 10`.execute(db);
      await sql`select count(*) from ${PLAIN} where document @@ plainto_tsquery('simple', ${text})`.execute(db);
      plain.push(performance.now() - t0);
    }
    const run: PostgresRun = { buildMs, databaseBytes: Number(rows[0]?.bytes ?? 0), plans, plain };
    if (measured) run.extra = await measured(db, run);
    return run;
  } finally {
    await db.destroy();
    if (process.env.BENCH_KEEP_INDEX || reuse) console.log(`kept database ${url}`);
    else await drop();
  }
}
