/**
 * Two versions of the search engine on one kept index, in one process (`npm run bench:search:compare`):
 *
 *   BENCH_KEEP_INDEX=1 BENCH_SIZES=1000000 npm run bench:search      # prints "kept /tmp/…/search.sqlite"
 *   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   npm run bench:search:compare -- /tmp/…/search.sqlite /tmp/before [.] [rounds]
 *
 * Each of the 1,000 bench queries runs through both versions back to back, the first one alternating, so a
 * slow spell of the machine falls on both alike: the ratio is what to compare between runs. Each version uses
 * its own tokeniser and engine. When the two lay the index out differently (before and after decision 0110),
 * build one index with each tree's `bench:search` and give the after tree's as BENCH_INDEX_AFTER: both files
 * are read in this one process, alternating.
 *
 * On PostgreSQL, give a kept database's URL instead of the file (BENCH_KEEP_INDEX=1 BENCH_ENGINES=postgres
 * BENCH_DATABASE_URL=… npm run bench:search keeps it); both trees' PostgreSQL engines then search it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { connect } from '../src/platform/db/connection';
import type { QueryTerm } from '../src/platform/search/tokeniser';
import { generateQueries } from './search-corpus';
import { machineDescription, percentiles, recordBenchmark } from './support';

type Search = (db: Kysely<object>, terms: QueryTerm[], options: { offset: number; limit: number }) => Promise<unknown>;

interface Version {
  name: string;
  search: Search;
  tokenise: (q: string) => QueryTerm[];
  db: Kysely<object>;
  close(): Promise<void>;
}

const [indexFile, before, after = '.', roundsArg = '2'] = process.argv.slice(2);
if (!indexFile || !before) {
  console.error(
    'usage: [BENCH_INDEX_AFTER=<index of the after tree>] npm run bench:search:compare -- <kept index.sqlite> <source tree before> [source tree after] [rounds]',
  );
  process.exit(2);
}

/**
 * A tree's engine over an index file. Trees from before decision 0110 have one engine for questions
 * (src/search/engine.ts); later ones index kinds (src/platform/search), questions being inquiry's kind. Their
 * layouts differ, so each then gets an index built by its own code (BENCH_INDEX_AFTER for the after tree).
 */
async function load(tree: string, file: string): Promise<Version> {
  const module = (path: string) => import(pathToFileURL(resolve(tree, path)).href);
  const dialect = file.startsWith('postgres') ? 'postgres' : 'sqlite';
  const { db, destroy } = connect(dialect === 'postgres' ? file : `file:${file}`);
  if (existsSync(resolve(tree, 'src/platform/search/index.ts'))) {
    const { createSearchEngine } = await module('src/platform/search/index.ts');
    const { QUESTION_KIND } = await module('src/inquiry/search/documents.ts');
    const { tokeniseSubmittedQuery } = await module('src/platform/search/tokeniser.ts');
    const index = createSearchEngine(dialect).index(QUESTION_KIND);
    return {
      name: tree,
      search: (d, t, o) => index.search(d, t, o),
      tokenise: tokeniseSubmittedQuery,
      db,
      close: destroy,
    };
  }
  const engine = (await module('src/search/engine.ts')).createSearchEngine('sqlite');
  const { tokeniseSubmittedQuery } = await module('src/search/tokeniser.ts');
  return {
    name: tree,
    search: (d, t, o) => engine.search(d, t, o),
    tokenise: tokeniseSubmittedQuery,
    db,
    close: destroy,
  };
}

const afterIndex = process.env.BENCH_INDEX_AFTER ?? indexFile;
const versions = [await load(before, indexFile), await load(after, afterIndex)];

/** The number of documents in an index of either layout. */
async function documentCount(db: Kysely<object>): Promise<number> {
  for (const query of [
    sql<{ n: number }>`select documents as n from search_kinds where name = 'question'`,
    sql<{ n: number }>`select documents as n from search_stats where id = 1`,
  ]) {
    try {
      const row = (await query.execute(db)).rows[0];
      if (row) return Number(row.n);
    } catch {
      // Not this layout.
    }
  }
  return 0;
}
const documents = await documentCount(versions[1]!.db);
const queries = generateQueries(1000, 42);
const rounds = Number(roundsArg);
// Warm the page cache and both statement caches.
for (const q of queries.slice(0, 30))
  for (const v of versions) await v.search(v.db, v.tokenise(q), { offset: 0, limit: 10 });
const times: [number[], number[]] = [[], []];
for (let round = 0; round < rounds; round++) {
  for (const [i, q] of queries.entries()) {
    for (const which of (i + round) % 2 === 0 ? [0, 1] : [1, 0]) {
      const v = versions[which]!;
      const terms = v.tokenise(q);
      const t0 = performance.now();
      await v.search(v.db, terms, { offset: 0, limit: 10 });
      times[which]!.push(performance.now() - t0);
    }
  }
}
for (const v of versions) await v.close();

const [a, b] = [percentiles(times[0]), percentiles(times[1])];
const line = (k: 'p50' | 'p95' | 'p99' | 'mean') =>
  `| ${k} | ${a[k].toFixed(2)} | ${b[k].toFixed(2)} | ${(b[k] / a[k]).toFixed(2)} |`;
const where = indexFile.startsWith('postgres') ? 'kept PostgreSQL database' : 'kept index';
const section = `## Search, two versions compared — ${new Date().toISOString().slice(0, 10)}

- Command: \`${afterIndex === indexFile ? '' : 'BENCH_INDEX_AFTER=<index> '}npm run bench:search:compare -- <${where} of ${documents.toLocaleString('en')} Q&As> ${before} ${after} ${rounds}\` (${queries.length} bench queries × ${rounds} rounds, alternating)
- Machine: ${machineDescription()}

| ms | ${before} | ${after} | ratio |
| --- | ---: | ---: | ---: |
${line('p50')}
${line('p95')}
${line('p99')}
${line('mean')}`;
console.log(section);
recordBenchmark(section);
