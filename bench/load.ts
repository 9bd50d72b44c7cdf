/**
 * Mixed load (`npm run bench:load`, issue 17): Q&A pages, search, suggest, the API, sign-ins and writes (a saved
 * job search) from 50 connections for BENCH_SECONDS (default 300), against one server process on SQLite, and, with
 * BENCH_DATABASE_URL (a database the bench creates and drops), against two processes on PostgreSQL, each taking
 * half the connections. Reports requests/s, p99, errors and 5xx; then checks that every write the site
 * acknowledged (a 303 to the alerts page) is in the database. Target: 0 × 5xx, no acknowledged write missing.
 * BENCH_ENGINES=sqlite or postgres runs one of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openModules } from '../src/cli/open';
import { loadConfig } from '../src/config';
import { connect } from '../src/platform/db/connection';
import { createDatabase } from './search-postgres';
import { freePort, loadAverage, machineDescription, recordBenchmark, startProcess } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 300);
const CONNECTIONS = 50;
const PASSWORD = 'bench-load-password-0123';
const postgresUrl = process.env.BENCH_DATABASE_URL;
const engines = (process.env.BENCH_ENGINES ?? (postgresUrl ? 'sqlite,postgres' : 'sqlite')).split(',');

/** A connection signs a member in every this many cycles, and saves a search in every cycle. */
const SIGN_IN_EVERY = 10;
/** Members enough that none reaches the limit of 20 saved searches (a cycle takes about a second under load). */
const USERS = Math.min(3000, CONNECTIONS * Math.ceil(SECONDS / 5));
const emailOf = (user: number) => `load${user}@bench.invalid`;

const READS = [
  '/social-security/search?q=pension+transfer',
  '/zh/social-security/search?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1%E4%B8%A2%E4%BA%86',
  '/api/v1/search?q=unemployment+insurance&lang=en',
  '/api/v1/search/suggest?q=pens&lang=en',
  '/api/v1/search/suggest?q=%E7%A4%BE%E4%BF%9D&lang=zh',
  '/api/v1/questions',
  '/api/v1/jobs?sort=newest',
  '/jobs',
];

interface Cycle {
  cookies: Map<string, string>;
  csrf: string;
  user: number;
  cycle: number;
}

function remember(context: Cycle, headers: Record<string, string | string[]>) {
  const set = headers['set-cookie'];
  for (const line of Array.isArray(set) ? set : set ? [set] : []) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    context.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}
const cookieHeader = (context: Cycle) => [...context.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

/** One connection's requests, repeated: sign in as the next user, read a Q&A page and the READS, save a search. */
function cycleOf(base: number, qaPath: string, acknowledged: Set<string>): autocannon.Request[] {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  // One autocannon instance a connection (hammer), so this is the connection's own state; autocannon's context
  // is reset at the end of every cycle.
  const state: Cycle = { cookies: new Map(), csrf: '', user: base, cycle: 0 };
  let nextUser = base;
  const signingIn = () => state.cycle % SIGN_IN_EVERY === 1;
  const headers = (context: Cycle, extra: Record<string, string> = {}) => ({
    cookie: cookieHeader(context),
    // Sign-ins are limited per address: each cycle comes from an address of its own, as many people's would.
    'x-forwarded-for': `10.${base % 250}.${(context.cycle >> 8) % 250}.${context.cycle % 250}`,
    ...extra,
  });
  const read = (path: string): autocannon.Request => ({
    method: 'GET',
    path,
    setupRequest: (request) => ({ ...request, headers: headers(state) }),
  });
  return [
    {
      method: 'GET',
      path: '/account/sign-in',
      setupRequest: (request) => {
        const c = state;
        c.cycle += 1;
        // A member signs in, then goes on with the session for SIGN_IN_EVERY cycles; in between, the sign-in
        // requests' places go to the home page and the topics API.
        if (!signingIn()) return { ...request, path: '/', headers: headers(c) };
        c.cookies.clear();
        c.user = nextUser;
        nextUser = (nextUser + CONNECTIONS) % USERS;
        return { ...request, headers: headers(c) };
      },
      onResponse: (_status, body, _context, responseHeaders) => {
        if (!signingIn()) return;
        remember(state, responseHeaders as Record<string, string>);
        state.csrf = csrfOf(body);
      },
    },
    {
      method: 'POST',
      path: '/account/sign-in',
      setupRequest: (request) => {
        const c = state;
        if (!signingIn()) return { ...request, method: 'GET', path: '/api/v1/topics', body: '', headers: headers(c) };
        const body = form({ email: emailOf(c.user), password: PASSWORD, _csrf: c.csrf });
        return {
          ...request,
          body,
          headers: headers(c, { 'content-type': 'application/x-www-form-urlencoded' }),
        };
      },
      onResponse: (_status, _body, _context, responseHeaders) => {
        if (signingIn()) remember(state, responseHeaders as Record<string, string>);
      },
    },
    read(qaPath),
    ...READS.map(read),
    {
      method: 'GET',
      path: '/account/alerts',
      setupRequest: (request) => ({ ...request, headers: headers(state) }),
      onResponse: (_status, body, _context, responseHeaders) => {
        remember(state, responseHeaders as Record<string, string>);
        state.csrf = csrfOf(body);
      },
    },
    {
      method: 'POST',
      path: '/account/alerts',
      setupRequest: (request) => {
        const c = state;
        const name = `load ${base} ${c.cycle}`;
        return {
          ...request,
          body: form({ query: `q=nurse+${base}x${c.cycle}`, name, _csrf: c.csrf }),
          headers: headers(c, { 'content-type': 'application/x-www-form-urlencoded' }),
        };
      },
      onResponse: (status) => {
        const c = state;
        if (status === 303) acknowledged.add(`load ${base} ${c.cycle}`);
      },
    },
  ];
}

interface Run {
  requests: number;
  requestsPerSecond: number;
  p99: number;
  errors: number;
  timeouts: number;
  status: Map<string, number>;
}

async function hammer(port: number, connections: number, first: number, qaPath: string, acknowledged: Set<string>) {
  // Each autocannon connection walks its own cycle; the users it signs in are first + k, first + k + CONNECTIONS…
  const runs = Array.from({ length: connections }, (_, k) =>
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 1,
      duration: SECONDS,
      requests: cycleOf(first + k, qaPath, acknowledged),
    }),
  );
  const results = await Promise.all(runs);
  const status = new Map<string, number>();
  let requests = 0;
  let errors = 0;
  let timeouts = 0;
  let p99 = 0;
  for (const r of results) {
    requests += r.requests.total;
    errors += r.errors;
    timeouts += r.timeouts;
    p99 = Math.max(p99, r.latency.p99);
    for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) {
      status.set(code, (status.get(code) ?? 0) + (count ?? 0));
    }
  }
  return { requests, requestsPerSecond: requests / SECONDS, p99, errors, timeouts, status } satisfies Run;
}

async function runOn(engine: 'sqlite' | 'postgres'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'jobsite-load-'));
  const databaseUrl = engine === 'sqlite' ? `file:${join(dir, 'load.sqlite')}` : postgresUrl!;
  const drop = engine === 'postgres' ? await createDatabase(databaseUrl) : async () => {};
  const processes = engine === 'sqlite' ? 1 : 2;
  const children: Awaited<ReturnType<typeof startProcess>>[] = [];
  try {
    const env = {
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      TRUST_PROXY: 'true',
      SESSION_SECRET: 'bench-only-secret-bench-only-secret-0123',
      FILES_DIR: join(dir, 'files'),
    };
    // The users, made before the servers start (a migrated database, the accounts service's own hashing).
    const { modules, close } = await openModules(
      loadConfig({ ...process.env, ...env, PUBLIC_BASE_URL: 'http://127.0.0.1' }),
    );
    try {
      for (let user = 0; user < USERS; user++) {
        await modules.accounts.service.createUser({
          email: emailOf(user),
          password: PASSWORD,
          displayName: `load ${user}`,
          role: 'member',
          locale: 'en',
        });
      }
    } finally {
      await close();
    }
    const ports: number[] = [];
    for (let i = 0; i < processes; i++) {
      const port = await freePort();
      ports.push(port);
      children.push(
        await startProcess('src/server.ts', {
          ...env,
          PORT: String(port),
          PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        }),
      );
    }
    const question = await fetch(`http://127.0.0.1:${ports[0]}/social-security/questions/1`, { redirect: 'manual' });
    const qaPath = question.headers.get('location') ?? '/social-security/questions/1';
    const acknowledged = new Set<string>();
    const before = loadAverage();
    const per = CONNECTIONS / processes;
    const runs = await Promise.all(ports.map((port, i) => hammer(port, per, i * per, qaPath, acknowledged)));
    const after = loadAverage();
    for (const child of children) child.kill();
    // Every acknowledged write, read back from the database once the servers are gone.
    const { db, destroy } = connect(databaseUrl);
    const { rows } = await sql<{ name: string }>`select name from saved_searches`.execute(db);
    await destroy();
    const stored = new Set(rows.map((r) => r.name));
    const missing = [...acknowledged].filter((name) => !stored.has(name)).length;
    const status = new Map<string, number>();
    for (const run of runs) for (const [code, n] of run.status) status.set(code, (status.get(code) ?? 0) + n);
    const fiveHundreds = [...status].filter(([code]) => code.startsWith('5')).reduce((sum, [, n]) => sum + n, 0);
    const total = runs.reduce((sum, r) => sum + r.requests, 0);
    const errors = runs.reduce((sum, r) => sum + r.errors, 0);
    const p99 = Math.max(...runs.map((r) => r.p99));
    const codes = [...status]
      .sort()
      .map(([code, n]) => `${code} × ${n}`)
      .join(', ');
    return `### ${engine === 'sqlite' ? 'SQLite, one process' : 'PostgreSQL, two processes'}
- ${CONNECTIONS} connections for ${SECONDS} s; ${USERS} members; load average ${before} before, ${after} after

| requests | requests/s | p99 ms | errors | 5xx | writes acknowledged | missing afterwards |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| ${total} | ${(total / SECONDS).toFixed(0)} | ${p99} | ${errors} | ${fiveHundreds} | ${acknowledged.size} | ${missing} |

Status codes: ${codes}. Target 0 × 5xx and no acknowledged write missing: **${fiveHundreds === 0 && missing === 0 ? 'met' : 'NOT met'}**`;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sections: string[] = [];
for (const engine of ['sqlite', 'postgres'] as const) {
  if (!engines.includes(engine)) continue;
  if (engine === 'postgres' && !postgresUrl) throw new Error('BENCH_ENGINES=postgres needs BENCH_DATABASE_URL');
  const section = await runOn(engine);
  console.log(section);
  sections.push(section);
}
recordBenchmark(`## Mixed load (issue 17) — ${new Date().toISOString().slice(0, 10)}

- Command: \`npm run bench:load\` (BENCH_SECONDS=${SECONDS}, BENCH_ENGINES=${engines.join(',')}): each connection
  repeats a cycle of 13 requests: the sign-in page and a sign-in (a member, from an address of its own; every
  ${SIGN_IN_EVERY}th cycle, the home page and the topics API in the others), a Q&A page, the search page in English and
  Chinese, the search API, suggest (English, Chinese), the questions and jobs APIs, the jobs page, the alerts page and
  a saved job search (the write)
- Machine: ${machineDescription()}

${sections.join('\n\n')}`);
