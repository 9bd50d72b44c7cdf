/**
 * What synchronous=FULL costs an acknowledged write in WAL mode, next to NORMAL (decision 0120): N small write
 * transactions (one row each, as a sign-in, a vote or an answer save commits), each its own commit, on a file
 * in the data directory's file system. `npx tsx bench/sqlite-durability.ts [commits]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

const commits = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(process.env.BENCH_DIR ?? 'data', 'durability-'));

function run(mode: 'NORMAL' | 'FULL') {
  const file = join(dir, `${mode}.sqlite`);
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${mode}`);
  db.exec('create table t (id integer primary key, body text not null, created_at text not null)');
  const insert = db.prepare('insert into t (body, created_at) values (?, ?)');
  const write = db.transaction((i: number) => insert.run(`row ${i} ${'x'.repeat(200)}`, new Date().toISOString()));
  const times: number[] = [];
  for (let i = 0; i < commits; i++) {
    const start = process.hrtime.bigint();
    write(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  db.close();
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
  const total = times.reduce((a, b) => a + b, 0);
  return { mode, commits, perSecond: Math.round((commits * 1000) / total), p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

try {
  console.table([run('NORMAL'), run('FULL')]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
