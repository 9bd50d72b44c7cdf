/**
 * No 500 on any input (issue 17): every route in Fastify's route table — a route added tomorrow is driven without
 * a new test — is sent generated paths, query strings, form and JSON bodies (wrong types, empty and huge strings,
 * invalid UTF-8, control characters, Object.prototype's names), anonymously and as each role. The test fails on
 * any 5xx, and on stored data changing where a write was refused.
 *
 * Bounded: one sweep (every route anonymously and as one role, in turn) and PROPERTY_RUNS generated requests per
 * engine. A failure
 * prints fast-check's seed and path; `PROPERTY_SEED=… PROPERTY_PATH=…` replays it.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from './accounts';
import { TABLE_OWNERS } from './database';
import { type RouteEntry, routesOf } from './platform/web/route-table';
import { openTestApp, type TestApp, testEngines } from './test-support/databases';
import { type Cookies, csrfFor, signInAs, testIp } from './test-support/forms';

const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS ?? 250);
const ROLES = ['anonymous', 'member', 'employer', 'expert', 'editor', 'admin'] as const;
type Who = (typeof ROLES)[number];

/** Tables a refused request may write by design: a wrong password is refused and counted, a request counted. */
const MAY_CHANGE_WHEN_REFUSED = new Set(['sign_in_failures', 'rate_limit_hits']);

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Strings that broke, or could break, a parser, a lookup or a query somewhere. */
const HOSTILE = [
  '',
  ' ',
  ...PROTOTYPE_KEYS,
  '0',
  '1',
  '2',
  '-1',
  '1.5',
  '1e309',
  '9007199254740993',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  "'",
  '"',
  '\\',
  '%',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u0000',
  '\u0001\u001f\u007f',
  '\r\n',
  '\uffff',
  '\ud800',
  '社保',
  '《社会保险法》第五十八条',
  '"constructor" OR *',
  'CN',
  'CN-GD-SZ',
  'en',
  'zh',
  'member',
  'admin',
  '2026-01-01',
  '01/12/2026',
  'https://evil.example',
  '//evil.example',
  'a'.repeat(301),
  'x'.repeat(20_000),
];

/** Field and parameter names the routes read, so generated input reaches their handlers. */
const KNOWN_KEYS = [
  'q',
  'page',
  'topic',
  'region',
  'lang',
  'next',
  'sent',
  'city',
  'district',
  'salaryMin',
  'salaryMax',
  'experience',
  'education',
  'type',
  'benefits',
  'size',
  'industry',
  'postedWithin',
  'sort',
  'gross',
  'period',
  'email',
  'password',
  'displayName',
  'title',
  'details',
  'confirmed',
  'analysis',
  'citations',
  'verifiedOn',
  'step_count',
  'step_action_0',
  'step_position_0',
  'intent',
  'reason',
  'note',
  'target',
  'locale',
  'role',
  'text',
  'name',
  'nameZh',
  'nameEn',
  'creditCode',
  'status',
  'ids',
  'id',
  'to',
  'confirm',
];

const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 3000 }) },
);

/** Percent-encodes the UTF-8 of a string (a lone surrogate becomes U+FFFD, as a browser sends it). */
const encode = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** A path or query piece: encoded text, or raw bytes that are not UTF-8 at all, or broken escapes. */
const urlPiece = fc.oneof(
  { weight: 6, arbitrary: hostileText.map(encode) },
  { weight: 1, arbitrary: fc.constantFrom('%FF', '%C3%28', '%E2%82', '%', '%zz', '%00', '..', '.') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('1', '2', '3', '1-where-can-i-reissue-my-social-security-card-if-i-lose-it'),
  },
);

const key = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('a[b]', 'a[]', '__proto__[x]', 'constructor[prototype][x]') },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

const queryString = fc
  .array(fc.tuple(key, urlPiece), { maxLength: 5 })
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${encode(k)}=${v}`).join('&')}`));

type Body =
  | { kind: 'none' }
  | { kind: 'form'; fields: [string, string][]; withToken: boolean }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; bytes: Uint8Array };

const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.oneof(key, fc.constantFrom(...KNOWN_KEYS)), fc.oneof(hostileText, fc.jsonValue({ maxDepth: 2 })), {
    maxKeys: 6,
  }),
  fc.constantFrom(
    JSON.parse('{"__proto__": {"polluted": 1}, "text": "x"}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}'),
  ),
);

const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('form' as const),
      fields: fc.array(fc.tuple(key, hostileText), { maxLength: 8 }),
      withToken: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(true), fc.constant(false)),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('json' as const), value: jsonValue }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      contentType: fc.constantFrom(
        'application/x-www-form-urlencoded',
        'application/json',
        'text/plain',
        'multipart/form-data; boundary=x',
        'multipart/form-data',
        'application/octet-stream',
      ),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 200 }),
        fc.constant(new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0x3d, 0x26])),
        fc.constant(new TextEncoder().encode('{"text": "unterminated')),
      ),
    }),
  },
);

/** Fills a route's parameters (`:id`, `*`) with generated pieces. */
function concretePath(route: RouteEntry, pieces: string[]): string {
  let i = 0;
  const next = () => pieces[i++ % pieces.length] ?? '1';
  return route.url.replace(/:[A-Za-z]+/g, next).replace(/\*/g, next);
}

interface Case {
  route: RouteEntry;
  who: Who;
  zh: boolean;
  pieces: string[];
  query: string;
  body: Body;
}

const caseFor = (routes: readonly RouteEntry[]) =>
  fc.record({
    route: fc.constantFrom(...routes),
    who: fc.constantFrom(...ROLES),
    zh: fc.boolean(),
    pieces: fc.array(urlPiece, { minLength: 1, maxLength: 3 }),
    query: queryString,
    body,
  });

describe.each(testEngines)('every route, any input, on $name', (engine) => {
  let t: TestApp;
  let routes: RouteEntry[] = [];
  const sessions = new Map<Who, { cookies: Cookies; token: string }>();
  let tables: string[] = [];
  const largeTables = new Set<string>();

  beforeAll(async () => {
    t = await openTestApp(engine);
    routes = routesOf(t.app).filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    for (const who of ROLES) {
      const signedIn = who === 'anonymous' ? {} : (await signInAs(t, who as Role)).cookies;
      const { token, cookies } = await csrfFor(t.app, signedIn);
      sessions.set(who, { cookies, token });
    }
    tables = Object.values(TABLE_OWNERS)
      .flat()
      .filter((table) => !MAY_CHANGE_WHEN_REFUSED.has(table));
    for (const table of tables) {
      const { rows } = await sql<{ n: unknown }>`select count(*) as n from ${sql.table(table)}`.execute(t.database.db);
      if (Number(rows[0]?.n) > 200) largeTables.add(table);
    }
  }, 120_000);
  afterAll(async () => t?.close());

  /**
   * A digest of the tables a refused request must leave alone: every row of the small ones, the row count of the
   * large ones (the statute library, regions, city data: read-mostly, and too large to read twice a request).
   */
  async function storedData(): Promise<Map<string, string>> {
    const digests = new Map<string, string>();
    for (const table of tables) {
      if (largeTables.has(table)) {
        const { rows } = await sql<{ n: unknown }>`select count(*) as n from ${sql.table(table)}`.execute(
          t.database.db,
        );
        digests.set(table, String(rows[0]?.n));
        continue;
      }
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.database.db);
      const text = rows.map((row) => JSON.stringify(row)).sort();
      digests.set(table, createHash('sha1').update(text.join('\n')).digest('hex'));
    }
    return digests;
  }

  async function send(c: Case) {
    const session = sessions.get(c.who)!;
    const url = `${c.zh ? '/zh' : ''}${concretePath(c.route, c.pieces)}${c.query}`;
    const headers: Record<string, string> = {};
    let payload: string | Buffer | undefined;
    if (c.route.method !== 'GET') headers['x-csrf-token'] = session.token;
    if (c.body.kind === 'form') {
      const fields: [string, string][] = c.body.withToken
        ? [...c.body.fields, ['_csrf', session.token]]
        : c.body.fields;
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = fields.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
    } else if (c.body.kind === 'json') {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(c.body.value) ?? 'null';
    } else if (c.body.kind === 'raw') {
      headers['content-type'] = c.body.contentType;
      payload = Buffer.from(c.body.bytes);
    }
    const hasBody = c.route.method !== 'GET' && c.route.method !== 'DELETE';
    const response = await t.app.inject({
      method: c.route.method,
      url,
      headers,
      payload: hasBody ? payload : undefined,
      cookies: session.cookies,
      remoteAddress: testIp(),
    });
    return { url, response };
  }

  /** Sends the case; throws (with what was sent) on a 5xx, or on stored data changed by a refused write. */
  async function check(c: Case) {
    const write = c.route.method !== 'GET';
    // Page views counted by earlier reads are written in batches: written now, they are not this request's doing.
    if (write) await t.modules.inquiry.views.flush();
    const before = write ? await storedData() : null;
    const { url, response } = await send(c);
    const sent = `${c.route.method} ${url.slice(0, 300)} as ${c.who}, body ${JSON.stringify(c.body).slice(0, 300)}`;
    if (response.statusCode >= 500) {
      throw new Error(`${response.statusCode} for ${sent}: ${response.body.slice(0, 300)}`);
    }
    if (before && response.statusCode >= 400) {
      const after = await storedData();
      const changed = tables.filter((table) => before.get(table) !== after.get(table));
      if (changed.length > 0) throw new Error(`${sent} was refused (${response.statusCode}) but changed ${changed}`);
    }
  }

  it('has routes to drive', () => {
    expect(routes.length).toBeGreaterThan(50);
  });

  it('answers every route, anonymously and signed in, with a generated request and without a 5xx', async () => {
    // Each route anonymously and as one role, the roles taken in turn: every route and every role in one pass,
    // bounded (the generated requests below mix routes and roles freely).
    const samples = fc.sample(caseFor(routes), { numRuns: routes.length * 2, seed: 17 });
    const signedIn = ROLES.filter((who) => who !== 'anonymous');
    for (const [i, route] of routes.entries()) {
      await check({ ...samples[2 * i]!, route, who: 'anonymous' });
      await check({ ...samples[2 * i + 1]!, route, who: signedIn[i % signedIn.length]! });
    }
  }, 240_000);

  it('answers generated requests to any route without a 5xx or a refused write changing data', async () => {
    await fc.assert(fc.asyncProperty(caseFor(routes), check), {
      numRuns: PROPERTY_RUNS,
      seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined,
      path: process.env.PROPERTY_PATH,
      endOnFailure: true,
    });
  }, 240_000);
});
