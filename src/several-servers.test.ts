/**
 * Two real server processes on one PostgreSQL database behave as one site (decision 0122): a page cached by one
 * is fresh within a second of an edit on the other, a rate limit counts the requests both received, and a
 * session made on one is good on the other. No sticky sessions: every step picks its server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from './accounts';
import { newCreditCode } from './test-support/companies';
import { openTestApp, type TestApp, testEngines } from './test-support/databases';
import { csrfTokensIn, signInAs } from './test-support/forms';

const SEED_PATH = '/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it';
const postgres = testEngines.find((engine) => engine.name === 'postgres');
if (!postgres)
  console.warn('TEST_DATABASE_URL is not set: the several-servers test (two processes, PostgreSQL) is skipped.');

interface Server {
  url: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

/** Every server started, stopped after the tests even if the other one failed to start. */
const started: Server[] = [];

/** `src/server.ts` as `npm start` runs it, on `databaseUrl`; resolves with its address once it listens. */
function startServer(databaseUrl: string, sessionSecret: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      // The database is ready (migrated, seeded by the test): neither server seeds, as a second server would not.
      SEED_DEMO_CONTENT: 'false',
      // Every server of a site signs cookies with the same secret, or a cookie from one is refused by the other.
      SESSION_SECRET: sessionSecret,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  started.push({ url: '', process: child, exited });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the server did not start in time'));
    }, 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const listening = line.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      if (listening) {
        clearTimeout(timer);
        resolve({ url: listening[1]!, process: child, exited });
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}

/** A job as its employer writes it (the posting form's fields). */
const JOB_FORM = {
  titleEn: 'Cold store picker',
  titleZh: '冷库拣货员',
  descriptionEn: 'Pick orders in the cold store.',
  descriptionZh: '在冷库拣货。',
  city: 'CN-GD-SZ',
  district: '',
  salaryMin: '7000',
  salaryMax: '9000',
  salaryMonths: '13',
  experience: '1-3',
  education: 'any',
  employmentType: 'full-time',
  headcount: '4',
  benefits: ['five-insurances-one-fund'],
  insuranceBase: 'actual',
  insuranceBaseAmount: '',
  housingFundRate: '12',
  validDays: '30',
};

/** Anonymous views of the seed Q&A page the test made (each counted by the server that answered). */
let seedPageViews = 0;

/** An anonymous GET; a view of the seed Q&A page is counted. */
async function read(url: string): Promise<Response> {
  const response = await fetch(url);
  if (response.status === 200 && url.endsWith(SEED_PATH)) seedPageViews += 1;
  return response;
}

/** Polls `url` until its page contains `text`; false if it did not within `ms`. */
async function showsWithin(url: string, text: string, ms: number): Promise<boolean> {
  const since = Date.now();
  do {
    if ((await (await read(url)).text()).includes(text)) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  } while (Date.now() - since < ms);
  return false;
}

type Jar = Record<string, string>;
const cookieHeader = (jar: Jar) =>
  Object.entries(jar)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

/** A browser's request: the jar's cookies sent, the ones set kept, redirects not followed. */
async function browse(url: string, jar: Jar, init: { form?: Record<string, string> } = {}): Promise<Response> {
  const response = await fetch(url, {
    method: init.form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      cookie: cookieHeader(jar),
      ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  for (const set of response.headers.getSetCookie()) {
    const [pair] = set.split(';');
    const at = pair!.indexOf('=');
    jar[pair!.slice(0, at)] = pair!.slice(at + 1);
  }
  return response;
}

/** A form page's CSRF token (its `_csrf` cookie lands in the jar). */
async function csrfToken(url: string, jar: Jar): Promise<string> {
  const token = csrfTokensIn(await (await browse(url, jar)).text())[0];
  if (!token) throw new Error(`no form at ${url}`);
  return token;
}

describe.skipIf(!postgres)('two server processes on one PostgreSQL', () => {
  let site: TestApp;
  let a: Server;
  let b: Server;
  let editor: { email: string; password: string };
  let answerId: number;
  let job: { id: number; path: string; employer: Viewer; editor: Viewer };
  let seedViewsBefore: number;

  beforeAll(async () => {
    // The database as a first server leaves it: migrated, with topics, statutes and the seed Q&A.
    site = await openTestApp(postgres!);
    editor = { email: `editor-${randomBytes(4).toString('hex')}@example.test`, password: 'a long editor password' };
    await signInAs(site, 'editor', editor);
    answerId = (await site.db.selectFrom('answers').select('id').where('question_id', '=', 1).executeTakeFirstOrThrow())
      .id;
    // A published job of a verified company, written through the services as the employer's and editor's forms do.
    const employer = (await signInAs(site, 'employer')).user;
    const jobEditor = (await signInAs(site, 'editor')).user;
    const companies = site.modules.companies.service;
    const { slug } = await companies.create(employer, {
      ...{
        nameZh: '冰川冷链有限公司',
        nameEn: 'Glacier Cold Chain',
        creditCode: newCreditCode(),
        industry: 'logistics',
      },
      ...{ size: '50-149', city: 'CN-GD-SZ', website: '', descriptionEn: '', descriptionZh: '' },
    });
    const companyId = (await companies.membershipsOf(employer.id)).find((m) => m.company.slug === slug)!.company.id;
    await companies.verify(jobEditor, companyId);
    const { posting } = site.modules.jobs;
    const { id } = await posting.createDraft(employer, companyId, JOB_FORM);
    await posting.submit(employer, id);
    await posting.approve(jobEditor, id);
    job = { id, path: `/jobs/${id}-cold-store-picker`, employer, editor: jobEditor };
    seedViewsBefore = await seedViewCount();
    const secret = randomBytes(32).toString('hex');
    [a, b] = await Promise.all([startServer(site.databaseUrl, secret), startServer(site.databaseUrl, secret)]);
  }, 90_000);

  /** Stops every server started (SIGTERM, as an orchestrator does; SIGKILL after 20 s): their exit codes. */
  async function stopServers(): Promise<(number | null)[]> {
    for (const server of started) if (server.process.exitCode === null) server.process.kill('SIGTERM');
    const killer = setTimeout(() => {
      for (const server of started) server.process.kill('SIGKILL');
    }, 20_000);
    const codes = await Promise.all(started.map((server) => server.exited));
    clearTimeout(killer);
    return codes;
  }
  const seedViewCount = async () =>
    Number(
      (await site.db.selectFrom('questions').select('view_count').where('id', '=', 1).executeTakeFirstOrThrow())
        .view_count,
    );

  afterAll(async () => {
    await stopServers();
    await site?.close();
  }, 30_000);

  it('signs in on A and is signed in on B; an edit on A is on B’s cached page within a second', async () => {
    const jar: Jar = {};
    const signIn = await browse(`${a.url}/account/sign-in`, jar, {
      form: { email: editor.email, password: editor.password, _csrf: await csrfToken(`${a.url}/account/sign-in`, jar) },
    });
    expect(signIn.status).toBe(303);
    const account = await browse(`${b.url}/account`, jar);
    expect(account.status).toBe(200);
    expect(await account.text()).toContain('Test editor');

    // B caches the page (the second read is its prerendered fast path), anonymously as readers get it.
    for (let i = 0; i < 2; i++) expect((await read(`${b.url}${SEED_PATH}`)).status).toBe(200);
    const fresh = `Fresh from server A ${randomBytes(4).toString('hex')}.`;
    const editPage = `${a.url}/editor/answers/${answerId}/edit`;
    const edited = await browse(editPage, jar, {
      form: {
        _csrf: await csrfToken(editPage, jar),
        analysis: `**At your nearest service outlet.** ${fresh}`,
        step_count: '1',
        step_position_0: '1',
        step_action_0: 'Report the loss of the card.',
        step_channel_0: 'hotline',
        step_where_0: '12333',
        region: 'CN',
        verifiedOn: '2026-12-01',
        citations: '《社会保险法》第五十八条',
        note: 'Several servers',
        intent: 'submit',
      },
    });
    expect(edited.status).toBe(303);
    const seen = await showsWithin(`${b.url}${SEED_PATH}`, fresh, 1_000);
    expect(seen, 'B served its cached page for more than a second after the edit on A').toBe(true);
  }, 30_000);

  it('drops the job page both servers cached when a third process approves an edit of the job', async () => {
    for (const server of [a, b, b]) expect((await fetch(`${server.url}${job.path}`)).status).toBe(200);
    const { posting } = site.modules.jobs;
    const description = `Pick orders in the cold store, from ${randomBytes(4).toString('hex')}.`;
    await posting.saveEdit(job.employer, job.id, { ...JOB_FORM, descriptionEn: description });
    await posting.approveEdit(job.editor, job.id);
    const [onA, onB] = await Promise.all(
      [a, b].map((server) => showsWithin(`${server.url}${job.path}`, description, 1_000)),
    );
    expect({ onA, onB }).toEqual({ onA: true, onB: true });
  }, 30_000);

  it('counts a rate limit over both servers', async () => {
    // The reset form allows 10 posts a minute per address; the limit is checked before the form's CSRF token, so
    // these posts without one are refused (403) until the 11th, wherever each lands.
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const server = i % 2 === 0 ? a : b;
      statuses.push((await fetch(`${server.url}/account/reset`, { method: 'POST', redirect: 'manual' })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status !== 429)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await fetch(`${a.url}/account/reset`, { method: 'POST' })).status).toBe(429);
  }, 30_000);

  it('stops both servers gracefully, and the page views each counted are added up, none overwritten', async () => {
    for (const server of [a, b, a]) expect((await read(`${server.url}${SEED_PATH}`)).status).toBe(200);
    // Each server buffers its views and writes `view_count + n` every few seconds and when it stops.
    expect(await stopServers()).toEqual([0, 0]);
    expect(await seedViewCount()).toBe(seedViewsBefore + seedPageViews);
  }, 30_000);
});
