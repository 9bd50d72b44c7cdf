/**
 * Job search at scale (`npm run bench:jobs`): N synthetic jobs (BENCH_JOBS, default 1,000,000; bench/jobs-corpus.ts)
 * made and tokenised by the board's own document code into a fresh SQLite file, then 1,000 searches (a keyword and
 * 0–3 filters, with every facet count) through the board's search service (src/jobs/board/search.ts), next to a
 * straightforward SQL for the same answer on a plain table of the same jobs in the same run: LIKE on titles and
 * description, WHERE for the filters, ORDER BY posted, COUNT and one GROUP BY (or SUM(CASE)) per facet.
 * The same 1,000 searches without the keyword too. With TEST_DATABASE_URL, the engine's figures on PostgreSQL
 * (a fresh schema). BENCH_PLAIN_QUERIES limits the straightforward queries (default: 1,000, 100 at 1 M and more);
 * BENCH_QUERIES the engine's.
 * Target (issue 13): p95 ≤ 20 ms with facets on SQLite at 1 M.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { SingleBar } from 'cli-progress';
import { sql } from 'kysely';
import pg from 'pg';
import { benefitBits, createJobSearch, JOB_KIND, type JobSearchInput, readBenefitTags } from '../src/jobs';
import { connect } from '../src/platform/db/connection';
import { migrateToLatest } from '../src/platform/db/migrate';
import type { AppDb } from '../src/platform/db/tables';
import { createSearchEngine, type PreparedDocument } from '../src/platform/search';
import { kindTables } from '../src/platform/search/kinds';
import { impactListRows } from '../src/platform/search/sqlite-engine';
import { createRegionsModule } from '../src/regions';
import { type BenchQuery, generateQueries } from './jobs-corpus';
import { machineDescription, percentiles, recordBenchmark } from './support';

const SEED = 13;
const size = Number(process.env.BENCH_JOBS ?? 1_000_000);
const queryCount = Number(process.env.BENCH_QUERIES ?? 1000);
const plainCount = Number(process.env.BENCH_PLAIN_QUERIES ?? (size >= 1_000_000 ? 100 : 1000));
/** Searches run the way the board ran them before decision 0117 (facets by SQL): the same code in a transaction. */
const beforeCount = Number(process.env.BENCH_BEFORE_QUERIES ?? (size >= 1_000_000 ? 50 : 200));
const WORKERS = Number(process.env.BENCH_WORKERS ?? 3);
/** The benchmark's clock: jobs are posted in the 30 days before it. */
const NOW = Date.parse('2026-12-07T04:00:00Z');
const TABLES = kindTables(JOB_KIND);
const PLAIN_COLUMNS = [
  'city',
  'district',
  'salary_min',
  'salary_max',
  'experience',
  'education',
  'type',
  'company_size',
  'industry',
  'posted',
  'expires',
  'benefits',
];
const bits = benefitBits(readBenefitTags());

type Made = { prepared: PreparedDocument; plain: unknown[] };

/** Makes the jobs in worker threads and hands each batch to `insert`. */
async function makeJobs(dialect: 'sqlite' | 'postgres', insert: (batch: Made[]) => Promise<void> | void) {
  const bar = new SingleBar({
    format: `  ${dialect} ${size.toLocaleString('en')} jobs {bar} {value}/{total} {eta_formatted}`,
  });
  bar.start(size, 0);
  const per = Math.ceil(size / WORKERS);
  let chain = Promise.resolve();
  await Promise.all(
    Array.from({ length: WORKERS }, (_, w) => {
      const from = w * per + 1;
      const to = Math.min(size, (w + 1) * per);
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./jobs-index-worker.mjs', import.meta.url), {
          workerData: { from, to, seed: SEED, now: NOW, batchSize: 1000, dialect },
        });
        worker.on('message', (message: Made[] | 'done') => {
          if (message === 'done') {
            chain = chain.then(() => worker.terminate()).then(() => resolve());
            return;
          }
          chain = chain.then(async () => {
            await insert(message);
            bar.increment(message.length);
          });
        });
        worker.on('error', reject);
      });
    }),
  );
  await chain;
  bar.stop();
}

async function buildSqlite(file: string): Promise<number> {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  sqlite.exec(`create table bench_jobs_plain (id integer primary key, title_zh text, title_en text, description text,
    city text, district text, salary_min integer, salary_max integer, experience text, education text, type text,
    company_size text, industry text, posted integer, expires integer, benefits integer)`);
  const columns = JOB_KIND.ftsColumns;
  const insertFts = sqlite.prepare(
    `insert into ${TABLES.fts} (rowid, ${columns.join(', ')}) values (?, ${columns.map(() => '?').join(', ')})`,
  );
  const insertTitle = sqlite.prepare(`insert into ${TABLES.titles} (rowid, title, title_bg) values (?, ?, ?)`);
  const insertImpact = sqlite.prepare(`insert into ${TABLES.impacts} (rowid, tokens) values (?, ?)`);
  const insertBands = sqlite.prepare(`insert into ${TABLES.impactBands} (doc, bands) values (?, ?)`);
  const attributes = JOB_KIND.attributeNames;
  const insertAttributes = sqlite.prepare(
    `insert into ${TABLES.attributes} (doc, ${attributes.join(', ')}) values (?, ${attributes.map(() => '?').join(', ')})`,
  );
  const insertPlain = sqlite.prepare(`insert into bench_jobs_plain values (${Array(16).fill('?').join(', ')})`);
  // What the jobs kind's store() writes, with the statements prepared once.
  const insertBatch = sqlite.transaction((batch: Made[]) => {
    for (const { prepared, plain } of batch) {
      const { id, fields } = prepared;
      insertFts.run(id, ...fields.slice(0, columns.length));
      insertTitle.run(id, fields[0], fields[1]);
      insertAttributes.run(id, ...prepared.attributes);
      const list = impactListRows(id, fields[columns.length] ?? '');
      for (const r of list.rows) insertImpact.run(r.rowid, r.tokens);
      if (list.bands !== null) insertBands.run(id, list.bands);
      insertPlain.run(...plain);
    }
  });
  const started = performance.now();
  await makeJobs('sqlite', (batch) => insertBatch(batch));
  for (const column of PLAIN_COLUMNS)
    sqlite.exec(`create index bench_jobs_plain_${column} on bench_jobs_plain (${column})`);
  sqlite.prepare('update search_kinds set documents = ? where name = ?').run(size, JOB_KIND.name);
  for (const table of [TABLES.fts, TABLES.titles, TABLES.impacts])
    sqlite.prepare(`insert into ${table} (${table}) values ('optimize')`).run();
  sqlite.exec('analyze');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return performance.now() - started;
}

const todayNumber = Math.floor((NOW + 8 * 3_600_000) / 86_400_000);
const input = (q: BenchQuery, keyword: boolean): JobSearchInput => ({ ...q, q: keyword ? q.q : '', page: 1 });

/** The straightforward SQL for one search: LIKE, WHERE, ORDER BY, COUNT and a GROUP BY / SUM(CASE) per facet. */
async function plainSearch(db: AppDb, q: BenchQuery, keyword: boolean) {
  const parts: Record<string, ReturnType<typeof sql>> = {};
  if (q.city) parts.city = sql`city = ${q.city}`;
  if (q.salaryMin) parts.salary = sql`salary_max >= ${q.salaryMin}`;
  if (q.experience) parts.experience = sql`experience = ${q.experience}`;
  if (q.education) parts.education = sql`education = ${q.education}`;
  if (q.type) parts.type = sql`type = ${q.type}`;
  if (q.size) parts.size = sql`company_size = ${q.size}`;
  if (q.industry) parts.industry = sql`industry = ${q.industry}`;
  if (q.postedWithin) parts.posted = sql`posted >= ${Math.floor(NOW / 60_000) - q.postedWithin * 1440}`;
  const mask = q.benefits.reduce((m, key) => m | (bits.get(key) ?? 0), 0);
  if (mask) parts.benefits = sql`(benefits & ${mask}) = ${mask}`;
  const like = `%${q.q}%`;
  const where = (without?: string) => {
    const conditions = [sql`expires >= ${todayNumber}`];
    if (keyword) conditions.push(sql`(title_zh like ${like} or title_en like ${like} or description like ${like})`);
    for (const [name, part] of Object.entries(parts)) if (name !== without) conditions.push(part);
    return sql.join(conditions, sql` and `);
  };
  await sql`select id from bench_jobs_plain where ${where()} order by posted desc, id desc limit 20`.execute(db);
  await sql`select count(*) from bench_jobs_plain where ${where()}`.execute(db);
  for (const [dimension, column] of [
    ['city', 'city'],
    ['experience', 'experience'],
    ['education', 'education'],
    ['type', 'type'],
    ['size', 'company_size'],
    ['industry', 'industry'],
  ]) {
    await sql`select ${sql.ref(column!)}, count(*) from bench_jobs_plain where ${where(dimension)} group by ${sql.ref(column!)}`.execute(
      db,
    );
  }
  const bands = [0, 5000, 10000, 15000, 20000, 30000, 50000].map((min, i, all) => {
    const max = all[i + 1];
    return max
      ? sql`sum(case when salary_max >= ${min} and salary_min <= ${max} then 1 else 0 end)`
      : sql`sum(case when salary_max >= ${min} then 1 else 0 end)`;
  });
  await sql`select ${sql.join(bands)} from bench_jobs_plain where ${where('salary')}`.execute(db);
  const tags = [...bits.values()].map((bit) => sql`sum(case when (benefits & ${bit}) = ${bit} then 1 else 0 end)`);
  await sql`select ${sql.join(tags)} from bench_jobs_plain where ${where()}`.execute(db);
  const posted = [1, 3, 7, 14, 30].map(
    (days) => sql`sum(case when posted >= ${Math.floor(NOW / 60_000) - days * 1440} then 1 else 0 end)`,
  );
  await sql`select ${sql.join(posted)} from bench_jobs_plain where ${where('posted')}`.execute(db);
}

/** Each search's CPU time (this process, every thread), by the name of its `time` run: on a busy machine the
 * wall-clock figures grow with the other processes' load, these much less. */
const cpuTimes = new Map<string, number[]>();
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

async function time(
  queries: BenchQuery[],
  run: (q: BenchQuery) => Promise<unknown>,
  samples: number[] = [],
  cpuName?: string,
) {
  const times = samples;
  const cpu: number[] = [];
  const bar = new SingleBar({ format: '  searches {bar} {value}/{total} {eta_formatted}' });
  bar.start(queries.length, 0);
  for (const q of queries) {
    const t0 = performance.now();
    const c0 = cpuMs();
    await run(q);
    times.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
    bar.increment();
  }
  bar.stop();
  if (cpuName) cpuTimes.set(cpuName, cpu);
  return times.length > 0 ? percentiles(times) : { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN };
}

async function regionsOf(db: AppDb) {
  const regions = createRegionsModule(db).service;
  await regions.load(
    JSON.parse(readFileSync('data/regions.json', 'utf8')) as {
      code: string;
      nameEn: string;
      nameZh: string;
      level: string;
      parent: string | null;
    }[],
  );
  return regions;
}

const fmt = (ms: number) => ms.toFixed(2);
/** A table row, or none for a comparison not run (BENCH_BEFORE_QUERIES=0 or BENCH_PLAIN_QUERIES=0). */
const row = (name: string, r: { p50: number; p95: number; p99: number }) =>
  Number.isNaN(r.p50) ? '' : `| ${name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} |`;
const queries = generateQueries(queryCount, SEED);
const rows: string[] = [];

// ---- SQLite ----
// BENCH_REUSE_INDEX=<file>: a file an earlier run kept (BENCH_KEEP_INDEX=1) with the same BENCH_JOBS, not rebuilt.
const reused = process.env.BENCH_REUSE_INDEX;
const dir = reused ? '' : mkdtempSync(join(tmpdir(), 'jobsite-jobs-bench-'));
const file = reused ?? join(dir, 'jobs.sqlite');
const { db, destroy } = connect(`file:${file}`);
await migrateToLatest(db, 'sqlite');
const regions = reused ? createRegionsModule(db).service : await regionsOf(db);
const index = createSearchEngine('sqlite').index(JOB_KIND);
await index.ensure(db);
const buildMs = reused ? Number.NaN : await buildSqlite(file);
const bytes = statSync(file).size;
const search = createJobSearch({ db, index, regions, bits, now: () => new Date(NOW) });
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const rssBefore = process.memoryUsage().rss;
const loadStarted = performance.now();
await index.view(db, []);
const loadMs = performance.now() - loadStarted;
// Warm-up without words, so that every word's set is looked up for the first time in the timed run.
for (const q of queries.slice(0, 20)) await search.search(input(q, false));
/** Each keyword's first search in the run (its matches looked up in the full-text index), and the others. */
const firstTimes: number[] = [];
const seenWords = new Set<string>();
const allTimes: number[] = [];
const withWords = await time(
  queries,
  async (q) => {
    const t0 = performance.now();
    await search.search(input(q, true));
    if (!seenWords.has(q.q)) firstTimes.push(performance.now() - t0);
    seenWords.add(q.q);
  },
  allTimes,
  'SQLite, board search: keyword + 0–3 filters',
);
const withoutWords = await time(
  queries,
  (q) => search.search(input(q, false)),
  [],
  'SQLite, board search: without keyword',
);
const rssAfter = process.memoryUsage().rss;
// The board's search as it ran before decision 0117: the same code inside a transaction, where the engine
// answers with SQL (COUNT, GROUP BY, SUM(CASE) per facet; the relevance search's filter in SQL).
const before = queries.slice(0, beforeCount);
const [beforeWords, beforeNoWords] = await db.transaction().execute(async (trx) => {
  const sqlSearch = createJobSearch({ db: trx, index, regions, bits, now: () => new Date(NOW) });
  return [
    await time(before, (q) => sqlSearch.search(input(q, true))),
    await time(before, (q) => sqlSearch.search(input(q, false))),
  ];
});
const plain = queries.slice(0, plainCount);
const plainWords = await time(plain, (q) => plainSearch(db, q, true));
const plainNoWords = await time(plain, (q) => plainSearch(db, q, false));
rows.push(
  row('SQLite, board search (engine, facets in memory): keyword + 0–3 filters', withWords),
  row(`SQLite, the same, each keyword's first search only (${firstTimes.length} queries)`, percentiles(firstTimes)),
  row(
    `SQLite, board search before 0117 (facets by SQL): keyword + 0–3 filters (${before.length} queries)`,
    beforeWords,
  ),
  row(
    `SQLite, straightforward SQL (LIKE, WHERE, GROUP BY): keyword + 0–3 filters (${plain.length} queries)`,
    plainWords,
  ),
  row('SQLite, board search: the same filters without keyword', withoutWords),
  row(`SQLite, board search before 0117: without keyword (${before.length} queries)`, beforeNoWords),
  row(`SQLite, straightforward SQL: without keyword (${plain.length} queries)`, plainNoWords),
);
const ratio = (a: { p95: number }, b: { p95: number }) => `${(a.p95 / b.p95).toFixed(0)}×`;
const beforeRatios = before.length
  ? `; p95 before 0117 / now: ${ratio(beforeWords, withWords)} with a keyword, ${ratio(beforeNoWords, withoutWords)} without`
  : '';
const memoryNote = `memory: attributes loaded in ${(loadMs / 1000).toFixed(1)} s; process RSS ${mib(rssBefore)} before the load, ${mib(rssAfter)} after the searches${beforeRatios}`;
await destroy();
if (process.env.BENCH_KEEP_INDEX || reused) console.log(`kept ${file}`);
else rmSync(dir, { recursive: true, force: true });

// ---- PostgreSQL ----
let postgresNote = 'PostgreSQL: not run (TEST_DATABASE_URL not set).';
if (process.env.TEST_DATABASE_URL) {
  const schema = `bench_jobs_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const handle = connect(url.toString());
  try {
    await migrateToLatest(handle.db, 'postgres');
    const pgRegions = await regionsOf(handle.db);
    const pgIndex = createSearchEngine('postgres').index(JOB_KIND);
    await pgIndex.ensure(handle.db);
    const started = performance.now();
    await makeJobs('postgres', (batch) =>
      pgIndex.store(
        handle.db,
        batch.map((m) => m.prepared),
      ),
    );
    await pgIndex.rebuilt(handle.db);
    await sql`analyze`.execute(handle.db);
    const pgBuild = performance.now() - started;
    const pgSearch = createJobSearch({
      db: handle.db,
      index: pgIndex,
      regions: pgRegions,
      bits,
      now: () => new Date(NOW),
    });
    await pgIndex.view(handle.db, []);
    for (const q of queries.slice(0, 20)) await pgSearch.search(input(q, false));
    const pgWords = await time(
      queries,
      (q) => pgSearch.search(input(q, true)),
      [],
      'PostgreSQL, board search: keyword + 0–3 filters (the database server’s CPU not counted)',
    );
    const pgNoWords = await time(queries, (q) => pgSearch.search(input(q, false)), [], 'PostgreSQL, without keyword');
    const [pgBeforeWords, pgBeforeNoWords] = await handle.db.transaction().execute(async (trx) => {
      const sqlSearch = createJobSearch({
        db: trx,
        index: pgIndex,
        regions: pgRegions,
        bits,
        now: () => new Date(NOW),
      });
      return [
        await time(before, (q) => sqlSearch.search(input(q, true))),
        await time(before, (q) => sqlSearch.search(input(q, false))),
      ];
    });
    rows.push(
      row('PostgreSQL, board search (facets in memory): keyword + 0–3 filters', pgWords),
      row(`PostgreSQL, board search before 0117: keyword + 0–3 filters (${before.length} queries)`, pgBeforeWords),
      row('PostgreSQL, board search: without keyword', pgNoWords),
      row(`PostgreSQL, board search before 0117: without keyword (${before.length} queries)`, pgBeforeNoWords),
    );
    postgresNote = `PostgreSQL: build ${(pgBuild / 1000).toFixed(0)} s (index.store in batches of 1,000).`;
  } finally {
    await handle.destroy();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

const p95 = withWords.p95;
const section = `## Job search at scale — ${new Date().toISOString().slice(0, 10)}

- Command: \`npm run bench:jobs\` (BENCH_JOBS=${size}); ${size.toLocaleString('en')} synthetic jobs (11 cities, 35 titles in both languages, 20,000 companies, benefits as tags; seed ${SEED})
- Machine: ${machineDescription()}
- SQLite build: ${reused ? 'reused from an earlier run' : `${(buildMs / 1000).toFixed(0)} s`} (${WORKERS} workers making and tokenising through jobDocument + prepare), file ${(bytes / 2 ** 20).toFixed(0)} MiB
- Each board search: total, the first page of 20 (relevance with a keyword, newest without) and all ten facets (disjunctive: each filter's own condition left out), counted from the attributes in memory (decision 0117); the straightforward SQL does the same work on a plain table with an index per filter column
- ${postgresNote}
- ${memoryNote}

| ${queryCount.toLocaleString('en')} searches | p50 ms | p95 ms | p99 ms |
| --- | ---: | ---: | ---: |
${rows.filter(Boolean).join('\n')}

CPU time of the same searches (this process's, \`process.cpuUsage\`; wall time above includes waiting for the 2 cores,
shared with the other sessions' processes; load average ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ')} at the end):

| ${queryCount.toLocaleString('en')} searches | p50 ms | p95 ms | p99 ms |
| --- | ---: | ---: | ---: |
${[...cpuTimes].map(([name, cpu]) => row(name, percentiles(cpu))).join('\n')}

Target p95 ≤ 20 ms with facets on SQLite at 1 M${size >= 1_000_000 ? `: **${p95 <= 20 ? 'met' : 'NOT met'}** (${fmt(p95)} ms)` : ` (not measured at this size: ${size.toLocaleString('en')} jobs)`}.`;
console.log(section);
// BENCH_RECORD=0: a trial run, not written to docs/benchmarks.md.
if (process.env.BENCH_RECORD !== '0') recordBenchmark(section);
