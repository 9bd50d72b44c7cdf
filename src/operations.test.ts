import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from './app';
import { testConfig } from './config';
import type { DatabaseHandle } from './platform/db/connection';
import { openTestDatabase, testEngines } from './platform/db/test-databases';
import { registerOperations } from './platform/web/operations';

const TOKEN = 'metrics-token-for-the-test';
const SEED_PATH = '/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it';

/** What an operator asks of a running server: health, readiness, metrics, and headers that fit the address. */
describe.each(testEngines)('operating the site on $name', (engine) => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    app = await buildApp(testConfig({ METRICS_TOKEN: TOKEN }), {
      database: handle,
      seed: { dataDir: 'data', demoFile: null },
    });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('is healthy and ready when the database answers and has run every migration', async () => {
    expect((await get('/healthz')).json()).toEqual({ ok: true });
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ok: true });
  });

  it('is not ready while a migration this code knows has not run', async () => {
    const last = '2026-12-07-025-ready-for-traffic';
    const { rows } = await sql<{
      timestamp: string;
    }>`select timestamp from kysely_migration where name = ${last}`.execute(handle.db);
    await sql`delete from kysely_migration where name = ${last}`.execute(handle.db);
    try {
      const ready = await get('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ ok: false, reason: 'migrations pending', pending: [last] });
      expect((await get('/healthz')).statusCode).toBe(200);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last}, ${rows[0]!.timestamp})`.execute(
        handle.db,
      );
    }
    expect((await get('/readyz')).statusCode).toBe(200);
  });

  it('serves Prometheus metrics to the token only: requests by route, durations, cache hits, the outbox', async () => {
    await get(SEED_PATH);
    await get('/social-security/questions/999999-nothing');
    expect((await get('/metrics')).statusCode).toBe(401);
    expect((await get('/metrics', { authorization: 'Bearer wrong-token-of-the-same-size' })).statusCode).toBe(401);
    const metrics = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain; version=0.0.4');
    const text = metrics.body;
    expect(text).toMatch(
      /jobsite_http_requests_total\{route="GET \/social-security\/questions\/:idSlug",status="2xx"\} \d+/,
    );
    expect(text).toMatch(
      /jobsite_http_requests_total\{route="GET \/social-security\/questions\/:idSlug",status="4xx"\} 1/,
    );
    expect(text).toContain(
      'jobsite_http_request_duration_seconds_bucket{route="GET /social-security/questions/:idSlug",le="+Inf"}',
    );
    expect(text).toMatch(/jobsite_cache_lookups_total\{cache="questions",result="(hit|miss)"\} \d+/);
    expect(text).toMatch(/jobsite_outbox_waiting_messages \d+/);
    if (engine.name === 'postgres') expect(text).toMatch(/jobsite_db_pool_connections\{state="total"\} \d+/);
    if (engine.name === 'postgres') expect(text).toContain('jobsite_cache_invalidation_listening 1');
  });

  it('has no /metrics without a token configured, and no HSTS on a plain-http address', async () => {
    const plain = await buildApp(testConfig(), { database: handle, seed: false });
    try {
      expect((await plain.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
      const page = await plain.inject({ method: 'GET', url: '/social-security' });
      expect(page.headers['strict-transport-security']).toBeUndefined();
      expect(page.headers['content-security-policy']).toBeDefined();
    } finally {
      await plain.close();
    }
    const https = await buildApp(testConfig({ PUBLIC_BASE_URL: 'https://jobsite.example' }), {
      database: handle,
      seed: false,
    });
    try {
      const page = await https.inject({ method: 'GET', url: '/social-security' });
      expect(page.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await https.close();
    }
  });

  it.runIf(engine.name === 'sqlite')(
    'syncs every commit of SQLite to disk (synchronous=FULL in WAL mode)',
    async () => {
      const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
      expect(rows[0]?.synchronous).toBe(2);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
    },
  );
});

describe('the metrics hook', () => {
  it('times requests only when /metrics is served (a token is configured)', async () => {
    const database = { dialect: 'sqlite' } as DatabaseHandle;
    const hooksOf = async (metricsToken?: string) => {
      const app = Fastify();
      const addHook = vi.spyOn(app, 'addHook');
      registerOperations(app, { database, metricsToken });
      const names = addHook.mock.calls.map(([name]) => name);
      await app.close();
      return names;
    };
    expect(await hooksOf()).not.toContain('onResponse');
    expect(await hooksOf(TOKEN)).toContain('onResponse');
  });
});
