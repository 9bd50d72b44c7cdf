/**
 * Two versions of the search engine on one kept index, in one process (`npm run bench:search:compare`):
 *
 *   BENCH_KEEP_INDEX=1 BENCH_SIZES=1000000 npm run bench:search      # prints "kept /tmp/…/search.sqlite"
 *   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   npm run bench:search:compare -- /tmp/…/search.sqlite /tmp/before [.] [rounds]
 *
 * Each of the 1,000 bench queries runs through both versions back to back, the first one alternating, so a
 * slow spell of the machine falls on both alike: the ratio is what to compare between runs. Each version uses
 * its own tokeniser and engine; the index must suit both (same layout).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connect } from '../src/db/connection';
import type { SearchEngine } from '../src/search/engine';
import { countDocuments } from '../src/search/sqlite-search';
import type { QueryTerm } from '../src/search/tokeniser';
import { generateQueries } from './search-corpus';
import { machineDescription, percentiles, recordBenchmark } from './support';

interface Version {
  name: string;
  engine: SearchEngine;
  tokenise: (q: string) => QueryTerm[];
}

const [indexFile, before, after = '.', roundsArg = '2'] = process.argv.slice(2);
if (!indexFile || !before) {
  console.error(
    'usage: npm run bench:search:compare -- <kept index.sqlite> <source tree before> [source tree after] [rounds]',
  );
  process.exit(2);
}

async function load(tree: string): Promise<Version> {
  const module = (path: string) => import(pathToFileURL(resolve(tree, path)).href);
  const engine = (await module('src/search/engine.ts')).createSearchEngine('sqlite') as SearchEngine;
  const { tokeniseSubmittedQuery } = await module('src/search/tokeniser.ts');
  return { name: tree, engine, tokenise: tokeniseSubmittedQuery };
}

const versions = [await load(before), await load(after)];
const { db } = connect(`file:${indexFile}`);
const documents = await countDocuments(db);
const queries = generateQueries(1000, 42);
const rounds = Number(roundsArg);
// Warm the page cache and both statement caches.
for (const q of queries.slice(0, 30))
  for (const v of versions) await v.engine.search(db, v.tokenise(q), { offset: 0, limit: 10 });
const times: number[][] = [[], []];
for (let round = 0; round < rounds; round++) {
  for (const [i, q] of queries.entries()) {
    for (const which of (i + round) % 2 === 0 ? [0, 1] : [1, 0]) {
      const v = versions[which];
      const terms = v.tokenise(q);
      const t0 = performance.now();
      await v.engine.search(db, terms, { offset: 0, limit: 10 });
      times[which].push(performance.now() - t0);
    }
  }
}
await db.destroy();

const [a, b] = times.map(percentiles);
const line = (k: 'p50' | 'p95' | 'p99' | 'mean') =>
  `| ${k} | ${a[k].toFixed(2)} | ${b[k].toFixed(2)} | ${(b[k] / a[k]).toFixed(2)} |`;
const section = `## Search, two versions compared — ${new Date().toISOString().slice(0, 10)}

- Command: \`npm run bench:search:compare -- <kept index of ${documents.toLocaleString('en')} Q&As> ${before} ${after} ${rounds}\` (${queries.length} bench queries × ${rounds} rounds, alternating)
- Machine: ${machineDescription()}

| ms | ${before} | ${after} | ratio |
| --- | ---: | ---: | ---: |
${line('p50')}
${line('p95')}
${line('p99')}
${line('mean')}`;
console.log(section);
recordBenchmark(section);
