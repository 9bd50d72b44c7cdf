/**
 * What sharing costs several servers on one PostgreSQL (decision 0122): how long a published invalidation takes to
 * reach another process's handler (pg_notify on one connection, LISTEN on another), and one rate-limit count (the
 * upsert of the shared store). On a fresh schema of TEST_DATABASE_URL (or BENCH_DATABASE_URL).
 * `TEST_DATABASE_URL=postgres://… npx tsx bench/several-servers.ts [messages]`.
 */
import { connect } from '../src/platform/db/connection';
import { migrateToLatest } from '../src/platform/db/migrate';
import { testEngines } from '../src/platform/db/test-databases';
import { postgresRateLimitStore } from '../src/platform/web/rate-limit';

const messages = Number(process.argv[2] ?? 500);
const engine = testEngines.find((e) => e.name === 'postgres');
if (!engine) {
  console.error('Set TEST_DATABASE_URL (postgres://…): this bench measures PostgreSQL.');
  process.exit(1);
}
const quantile = (xs: number[], p: number) => xs.sort((x, y) => x - y)[Math.floor((xs.length - 1) * p)]!.toFixed(2);

const { url, dispose } = await engine.open();
const writer = connect(url);
const reader = connect(url);
try {
  await migrateToLatest(writer.db, writer.dialect);
  await reader.invalidation.listen();
  let heard: (() => void) | null = null;
  reader.invalidation.subscribe('questions', () => heard?.());
  const delivery: number[] = [];
  for (let i = 0; i < messages; i++) {
    const arrived = new Promise<void>((resolve) => {
      heard = resolve;
    });
    const started = performance.now();
    writer.invalidation.publish('questions', i);
    await arrived;
    delivery.push(performance.now() - started);
  }
  console.log(
    `publish → another process's handler, ${messages} messages: p50 ${quantile(delivery, 0.5)} ms, ` +
      `p99 ${quantile(delivery, 0.99)} ms`,
  );

  type Counting = { incr(key: string, done: (error: Error | null) => void, window: number, max: number): void };
  const Store = postgresRateLimitStore(writer.db) as unknown as new (
    options: object,
  ) => {
    child(options: object): Counting;
  };
  const store = new Store({}).child({ routeInfo: { method: 'POST', url: '/bench' } });
  const counts: number[] = [];
  for (let i = 0; i < messages * 2; i++) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) =>
      store.incr(`10.0.${i % 50}.1`, (error) => (error ? reject(error) : resolve()), 60_000, 10),
    );
    counts.push(performance.now() - started);
  }
  console.log(
    `rate-limit count (upsert), ${messages * 2} over 50 keys: p50 ${quantile(counts, 0.5)} ms, ` +
      `p99 ${quantile(counts, 0.99)} ms`,
  );
} finally {
  await writer.destroy();
  await reader.destroy();
  await dispose();
}
