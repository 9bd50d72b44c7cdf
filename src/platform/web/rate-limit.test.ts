import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngines } from '../db/test-databases';
import { postgresRateLimitStore, rateLimitOptions } from './rate-limit';

/** A server of the site as far as rate limits go: a limited route and an unlimited one, on the shared store. */
async function server(store: ReturnType<typeof postgresRateLimitStore> | undefined): Promise<FastifyInstance> {
  const app = Fastify();
  if (store) app.decorate('rateLimitStore', store);
  await app.register(async (scope) => {
    await scope.register(rateLimit, rateLimitOptions(scope));
    scope.get('/limited', { config: { rateLimit: { max: 3, timeWindow: 1_000 } } }, async () => 'ok');
    scope.get('/other', { config: { rateLimit: { max: 3, timeWindow: 1_000 } } }, async () => 'ok');
    scope.get('/free', async () => 'ok');
  });
  return app;
}

describe('rateLimitOptions', () => {
  it('counts in memory where no shared store is set (SQLite: one server)', async () => {
    const [a, b] = [await server(undefined), await server(undefined)];
    const codes = [];
    for (const app of [a, b, a, b, a, b]) codes.push((await app.inject('/limited')).statusCode);
    // Each process counts its own three.
    expect(codes).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await a.inject('/limited')).statusCode).toBe(429);
  });
});

const postgres = testEngines.find((engine) => engine.name === 'postgres');

describe.skipIf(!postgres)('the shared rate-limit store on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let a: FastifyInstance;
  let b: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase(postgres!);
    // Two servers: two stores over one database, as two processes would make them.
    a = await server(postgresRateLimitStore(database.db));
    b = await server(postgresRateLimitStore(database.db));
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await database?.close();
  });

  it('counts one limit across servers, per route, and starts a new window when the last one ends', async () => {
    const codes = [];
    for (const app of [a, b, a, b]) codes.push((await app.inject('/limited')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const refused = await b.inject('/limited');
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(1);
    // Another route counts apart; a route without a limit is not counted.
    expect((await a.inject('/other')).statusCode).toBe(200);
    expect((await b.inject('/free')).statusCode).toBe(200);
    const { rows } = await sql<{
      key: string;
      hits: number;
    }>`select key, hits from rate_limit_hits order by key`.execute(database.db);
    expect(rows.map((r) => [r.key.replace(/127\.0\.0\.1$/, 'ip'), Number(r.hits)])).toEqual([
      ['GET /limited ip', 5],
      ['GET /other ip', 1],
    ]);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await a.inject('/limited')).statusCode).toBe(200);
  });
});
