/**
 * Q&A import at scale (`npm run bench:import`): generates a 100 k-line JSONL collection (bench/import-corpus.ts),
 * imports it into a fresh SQLite file through the same service as `npm run import:qa`, prints the time, lines
 * per second and peak RSS, and appends them to docs/benchmarks.md (BENCH_RECORD=0: print only).
 * Then, for the breakdown, imports the same file once more into another fresh file with search indexing
 * switched off (BENCH_BREAKDOWN=0 skips this). BENCH_LINES changes the size.
 * Target (issue 5): 100 k lines in under 60 s with peak RSS under 1 GB on the 2-core bench machine.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { seedDatabase } from '../src/cli/seed';
import { testConfig } from '../src/config';
import { createModules } from '../src/modules';
import { connect } from '../src/platform/db/connection';
import { migrateToLatest } from '../src/platform/db/migrate';
import type { SearchEngine, SearchKindIndex } from '../src/platform/search';
import { defaultPoolSize } from '../src/platform/search/prepare-pool';
import { writeImportCorpus } from './import-corpus';
import { machineDescription, recordBenchmark } from './support';

const LINES = Number(process.env.BENCH_LINES ?? 100_000);
/** Tokenising workers (BENCH_WORKERS); the import's default when unset. */
const WORKERS = process.env.BENCH_WORKERS === undefined ? undefined : Number(process.env.BENCH_WORKERS);
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 1024;

const dir = mkdtempSync(join(tmpdir(), 'jobsite-bench-import-'));
const file = join(dir, 'collection.jsonl');

/** A search engine that stores nothing and tokenises nothing: an import with it costs everything but indexing. */
const noSearch: SearchEngine = {
  dialect: 'sqlite',
  index: (kind) =>
    ({
      dialect: 'sqlite',
      kind,
      ensure: async () => {},
      prepare: (doc) => ({ id: doc.id, fields: [], attributes: [] }),
      store: async () => {},
      index: async () => {},
      remove: async () => {},
      removeAll: async () => {},
      rebuilt: async () => {},
      needsRebuild: async () => false,
      search: async () => ({ hits: [], total: 0, totalIsCapped: false }),
      list: async () => [],
      view: async () => ({ count: async () => 0, countBy: async () => new Map(), list: async () => [] }),
      suggest: async () => [],
    }) satisfies SearchKindIndex,
};

/** Imports the file into a fresh, seeded SQLite file; `index: false` replaces search indexing by nothing. */
async function importOnce(name: string, index: boolean) {
  const database = join(dir, `${name}.sqlite`);
  const { db, dialect, destroy } = connect(`file:${database}`);
  try {
    await migrateToLatest(db, dialect);
    const modules = createModules(db, dialect, testConfig({ DATABASE_URL: `file:${database}` }), {
      searchEngine: index ? undefined : noSearch,
    });
    await modules.prepare();
    await seedDatabase(modules, { dataDir: 'data', demoFile: null });
    const imports = modules.inquiry.imports;
    const bar = new SingleBar({
      format: `  ${name} {bar} {value}/{total} lines | {rate} lines/s | ETA {eta_formatted}`,
    });
    const started = performance.now();
    const summary = await imports.importFile(file, {
      source: 'bench',
      // Without indexing there is nothing to tokenise: no workers.
      workers: index ? WORKERS : 0,
      onStart: ({ totalLines }) => bar.start(totalLines, 0, { rate: 0 }),
      onProgress: ({ linesDone }) =>
        bar.update(linesDone, { rate: Math.round(linesDone / ((performance.now() - started) / 1000)) }),
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    return {
      summary,
      seconds,
      rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      dbMb: statSync(database).size / 2 ** 20,
    };
  } finally {
    await destroy();
  }
}

try {
  const generatedAt = performance.now();
  const { bytes } = writeImportCorpus(file, LINES);
  console.log(
    `generated ${LINES.toLocaleString('en')} lines (${(bytes / 2 ** 20).toFixed(1)} MiB) in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s`,
  );

  const full = await importOnce('import', true);
  const { summary, seconds, rssMb, dbMb } = full;
  const linesPerSecond = Math.round(LINES / seconds);
  const rowsPerSecond = Math.round(summary.imported / seconds);
  const met = seconds < TARGET_SECONDS && rssMb < TARGET_RSS_MB;
  console.log(
    `imported ${summary.imported} (aliases ${summary.aliases}, duplicates ${summary.duplicates}, skipped ${summary.skipped.total}) ` +
      `in ${seconds.toFixed(1)} s: ${linesPerSecond} lines/s, ${rowsPerSecond} imported Q&As/s; peak RSS ${rssMb} MiB; database ${dbMb.toFixed(0)} MiB`,
  );
  const bare = process.env.BENCH_BREAKDOWN === '0' ? null : await importOnce('no-index', false);
  if (bare)
    console.log(
      `without search indexing: ${bare.seconds.toFixed(1)} s; indexing took ${(seconds - bare.seconds).toFixed(1)} s (${Math.round((100 * (seconds - bare.seconds)) / seconds)} %)`,
    );
  const skipped = Object.entries(summary.skipped.byReason)
    .map(([reason, e]) => `${reason} ${e!.count}`)
    .join(', ');
  if (process.env.BENCH_RECORD !== '0') {
    recordBenchmark(`
## Q&A import — ${new Date().toISOString().slice(0, 10)}

- Command: \`npm run bench:import\` (BENCH_LINES=${LINES}); SQLite, batches of 500 lines, ${WORKERS ?? defaultPoolSize()} tokenising worker threads, generated collection (seed 7)
- Machine: ${machineDescription()}
- File: ${LINES.toLocaleString('en')} lines, ${(bytes / 2 ** 20).toFixed(1)} MiB (about 60 % Chinese, 40 % English; ~1 % broken lines)

| lines | time | lines/s | imported Q&As/s | peak RSS | database |
| ---: | ---: | ---: | ---: | ---: | ---: |
| ${LINES.toLocaleString('en')} | ${seconds.toFixed(1)} s | ${linesPerSecond} | ${rowsPerSecond} | ${rssMb} MiB | ${dbMb.toFixed(0)} MiB |

- Imported ${summary.imported}, aliases ${summary.aliases}, duplicates ${summary.duplicates}, skipped ${summary.skipped.total} (${skipped});
  citations resolved ${summary.citations.resolved}, unresolved ${summary.citations.unresolved}
${bare ? `- The same import without search indexing: ${bare.seconds.toFixed(1)} s, so indexing (tokenising and writing the index inside each batch's transaction) takes ${(seconds - bare.seconds).toFixed(1)} s, ${Math.round((100 * (seconds - bare.seconds)) / seconds)} % of the time\n` : ''}- Target: under ${TARGET_SECONDS} s and ${TARGET_RSS_MB} MiB peak RSS: **${met ? 'met' : 'NOT met'}**
`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
