/**
 * One set of rate limits for the whole site (decision 0122): every module registers @fastify/rate-limit with
 * rateLimitOptions(app), so on PostgreSQL all the site's processes count in one table and a client spreading its
 * requests over several servers meets the same limit; on SQLite (one server) the plugin counts in memory.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor, RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where rate limits are counted when several processes share them (unset: in this process's memory). */
    rateLimitStore?: FastifyRateLimitStoreCtor;
  }
}

/** Expired rows are deleted at most this often, by whichever request of this process comes next. */
const SWEEP_EVERY_MS = 60_000;

/** The options every `app.register(rateLimit, …)` of the site uses: only routes asking for a limit are limited. */
export function rateLimitOptions(app: FastifyInstance): RateLimitPluginOptions {
  return app.rateLimitStore ? { global: false, store: app.rateLimitStore } : { global: false };
}

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];
type StoreOptions = { continueExceeding?: boolean; exponentialBackoff?: boolean };

/**
 * A store counting in `rate_limit_hits` (PostgreSQL): one row per route and client key, counted and read back in
 * one atomic upsert, the window timed by the database's clock (the servers' clocks may differ). A fixed window,
 * as the plugin's own store; `continueExceeding` and `exponentialBackoff` are refused (nobody uses them).
 */
export function postgresRateLimitStore(db: Kysely<object>): FastifyRateLimitStoreCtor {
  let lastSweep = 0;

  function sweep() {
    const now = Date.now();
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    sql`delete from rate_limit_hits where expires_at < (extract(epoch from clock_timestamp()) * 1000)::bigint`
      .execute(db)
      .catch(() => {
        lastSweep = 0;
      });
  }

  // Not `implements FastifyRateLimitStore`: its types say child() gets the route, the plugin passes merged options.
  class SharedStore {
    private readonly prefix: string;

    constructor(options: StoreOptions, prefix = '') {
      if (options.continueExceeding || options.exponentialBackoff)
        throw new Error('The shared rate-limit store counts fixed windows only');
      this.prefix = prefix;
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      sweep();
      const window = Math.max(1, Math.trunc(timeWindow));
      sql<{ hits: number; ttl: string | number }>`
        with now as (select (extract(epoch from clock_timestamp()) * 1000)::bigint as ms)
        insert into rate_limit_hits as r (key, hits, expires_at)
        select ${this.prefix + key}, 1, now.ms + ${window} from now
        on conflict (key) do update set
          hits = case when r.expires_at <= (select ms from now) then 1 else r.hits + 1 end,
          expires_at = case when r.expires_at <= (select ms from now) then (select ms from now) + ${window}
                            else r.expires_at end
        returning r.hits, r.expires_at - (select ms from now) as ttl`
        .execute(db)
        .then(
          ({ rows }) => callback(null, { current: Number(rows[0]!.hits), ttl: Math.max(0, Number(rows[0]!.ttl)) }),
          (error: Error) => callback(error),
        );
    }

    /** Each route counts apart, as in the plugin's own stores: its method and path lead the key. */
    child(routeOptions: StoreOptions & { routeInfo?: { method?: unknown; url?: unknown } }) {
      const route = routeOptions.routeInfo ?? {};
      return new SharedStore(routeOptions, `${this.prefix}${String(route.method)} ${String(route.url)} `);
    }
  }
  return SharedStore as unknown as FastifyRateLimitStoreCtor;
}
