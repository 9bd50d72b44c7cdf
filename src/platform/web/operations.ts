import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connection';
import { knownMigrations, pendingMigrations } from '../db/migrate';
import { namedCaches } from './ttl-cache';

export interface OperationsOptions {
  database: DatabaseHandle;
  /** The bearer token of /metrics; without one /metrics is not served. */
  metricsToken?: string;
  /** More gauges to report, read when /metrics is asked for (the outbox's waiting and failed mail). */
  gauges?: () => Promise<Record<string, number>>;
}

/** Upper bounds (seconds) of the request-duration histogram. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface RouteStats {
  counts: Map<string, number>;
  buckets: number[];
  sum: number;
  count: number;
}

/**
 * What an operator (or a load balancer, or Prometheus) asks of a running server: `/healthz` (the process
 * answers), `/readyz` (the database answers and has run every migration this code knows; a server closing
 * answers 503 on its own, so a balancer drains it), `/metrics` (Prometheus text: requests and their durations
 * by route, the database pool, cache hits, the outbox), behind a bearer token.
 */
export function registerOperations(app: FastifyInstance, options: OperationsOptions) {
  const { database } = options;
  const hide = { schema: { hide: true } };

  app.get('/healthz', hide, async () => ({ ok: true }));

  const known = knownMigrations(database.dialect);
  app.get('/readyz', hide, async (_request, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      const pending = await pendingMigrations(database.db, known);
      if (pending.length > 0) return reply.code(503).send({ ok: false, reason: 'migrations pending', pending });
      return { ok: true };
    } catch {
      // Not the database's message: it can name hosts and users.
      return reply.code(503).send({ ok: false, reason: 'database unreachable' });
    }
  });

  const token = options.metricsToken ? Buffer.from(`Bearer ${options.metricsToken}`) : null;
  const routes = new Map<string, RouteStats>();
  // Counted only for a /metrics that is served: without a token no request pays for it.
  if (token) {
    app.addHook('onResponse', async (request, reply) => {
      // By route pattern, not URL: one series per route, whatever the ids and queries.
      const route = `${request.method} ${request.routeOptions.url ?? 'unmatched'}`;
      let stats = routes.get(route);
      if (!stats) {
        stats = { counts: new Map(), buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
        routes.set(route, stats);
      }
      const status = `${Math.floor(reply.statusCode / 100)}xx`;
      stats.counts.set(status, (stats.counts.get(status) ?? 0) + 1);
      const seconds = reply.elapsedTime / 1000;
      stats.sum += seconds;
      stats.count += 1;
      BUCKETS.forEach((bound, i) => {
        if (seconds <= bound) stats.buckets[i]! += 1;
      });
    });
  }

  app.get('/metrics', hide, async (request, reply) => {
    if (!token) return reply.code(404).send({ error: 'Not Found' });
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== token.length || !timingSafeEqual(given, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'Unauthorized' });
    }
    const lines: string[] = [];
    const label = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
    lines.push('# HELP jobsite_http_requests_total Requests answered, by route and status class.');
    lines.push('# TYPE jobsite_http_requests_total counter');
    for (const [route, stats] of routes) {
      for (const [status, n] of stats.counts) {
        lines.push(`jobsite_http_requests_total{route="${label(route)}",status="${status}"} ${n}`);
      }
    }
    lines.push('# HELP jobsite_http_request_duration_seconds Time to answer, by route.');
    lines.push('# TYPE jobsite_http_request_duration_seconds histogram');
    for (const [route, stats] of routes) {
      const r = label(route);
      BUCKETS.forEach((bound, i) => {
        lines.push(`jobsite_http_request_duration_seconds_bucket{route="${r}",le="${bound}"} ${stats.buckets[i]}`);
      });
      lines.push(`jobsite_http_request_duration_seconds_bucket{route="${r}",le="+Inf"} ${stats.count}`);
      lines.push(`jobsite_http_request_duration_seconds_sum{route="${r}"} ${stats.sum}`);
      lines.push(`jobsite_http_request_duration_seconds_count{route="${r}"} ${stats.count}`);
    }
    lines.push('# HELP jobsite_cache_lookups_total Cache lookups, by cache and result.');
    lines.push('# TYPE jobsite_cache_lookups_total counter');
    for (const [name, cache] of namedCaches()) {
      lines.push(`jobsite_cache_lookups_total{cache="${name}",result="hit"} ${cache.hits}`);
      lines.push(`jobsite_cache_lookups_total{cache="${name}",result="miss"} ${cache.misses}`);
    }
    const pool = database.pool?.();
    if (pool) {
      lines.push('# HELP jobsite_db_pool_connections PostgreSQL pool connections, by state.');
      lines.push('# TYPE jobsite_db_pool_connections gauge');
      lines.push(`jobsite_db_pool_connections{state="total"} ${pool.total}`);
      lines.push(`jobsite_db_pool_connections{state="idle"} ${pool.idle}`);
      lines.push(`jobsite_db_pool_connections{state="waiting"} ${pool.waiting}`);
    }
    if (database.dialect === 'postgres') {
      // 0 while the connection hearing other servers' cache invalidations is lost (it reconnects; decision 0122).
      lines.push('# HELP jobsite_cache_invalidation_listening Whether this server hears the others (PostgreSQL).');
      lines.push('# TYPE jobsite_cache_invalidation_listening gauge');
      lines.push(`jobsite_cache_invalidation_listening ${database.invalidation.listenerProcessId() === null ? 0 : 1}`);
    }
    for (const [name, value] of Object.entries((await options.gauges?.()) ?? {})) {
      lines.push(`# TYPE jobsite_${name} gauge`, `jobsite_${name} ${value}`);
    }
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(`${lines.join('\n')}\n`);
  });
}
