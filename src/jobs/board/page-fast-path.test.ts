import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { Viewer } from '../../accounts';
import type { Modules } from '../../modules';
import { verifiedCompany as sharedVerifiedCompany } from '../../test-support/companies';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { signInAs } from '../../test-support/forms';
import { GZIP, observable } from '../../test-support/responses';
import { addDays } from '../posting/expiry';
import { insertJob, today } from './testing';

const jobForm = {
  titleEn: 'Cold store picker',
  titleZh: '冷库拣货员',
  descriptionEn: 'Pick orders in **the cold store**.',
  descriptionZh: '在**冷库**拣货。',
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

describe.each(testEngines)('the job page fast path on $name', (engine) => {
  let t: TestApp;
  let jobs: Modules['jobs'];
  let employer: Viewer;
  let editor: Viewer;
  let company: number;
  let loads: MockInstance<Modules['jobs']['board']['loadJobPage']>;

  beforeAll(async () => {
    t = await openTestApp(engine);
    jobs = t.modules.jobs;
    employer = (await signInAs(t, 'employer')).user;
    editor = (await signInAs(t, 'editor')).user;
    company = await verifiedCompany('Glacier Cold Chain', '冰川冷链');
  }, 300_000);
  afterAll(async () => t?.close());
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  /** A company of the suite's employer, verified by the editor: its id. */
  const verifiedCompany = (nameEn: string, nameZh: string) =>
    sharedVerifiedCompany(t, employer, editor, { en: nameEn, zh: nameZh });
  /** Spies on the route's load (every routed job page request that misses the page cache makes one). */
  const watch = () => {
    loads = vi.spyOn(jobs.board, 'loadJobPage');
  };
  const get = (url: string, options: { headers?: Record<string, string>; cookies?: Record<string, string> } = {}) =>
    t.app.inject({ method: 'GET', url, ...options });
  /** A job of the suite's company, written and approved through the posting service: its canonical path. */
  const openJob = async (overrides: Partial<typeof jobForm> = {}) => {
    const { id } = await jobs.posting.createDraft(employer, company, { ...jobForm, ...overrides });
    await jobs.posting.submit(employer, id);
    await jobs.posting.approve(editor, id);
    return { id, path: `/jobs/${id}-cold-store-picker` };
  };

  it('sends a cached page without the route, with the same status, bytes and headers as the route', async () => {
    const job = await openJob();
    for (const path of [job.path, `/zh${job.path}`]) {
      await get(path); // the route renders the page; from now on the fast path has it
      watch();
      for (const headers of [GZIP, {}]) {
        const fast = await get(path, { headers });
        expect(loads).not.toHaveBeenCalled();
        // A query string always falls through: the route answers the same page, from the same cache.
        const routed = await get(`${path}?via=route`, { headers });
        expect(observable(fast)).toEqual(observable(routed));
        expect(fast.statusCode).toBe(200);
        expect(fast.headers).toMatchObject({
          'content-type': 'text/html; charset=utf-8',
          vary: 'Accept-Encoding',
          'x-content-type-options': 'nosniff',
        });
        expect(fast.headers['content-security-policy']).toContain("script-src 'self'");
        expect(fast.headers['content-encoding']).toBe(headers === GZIP ? 'gzip' : undefined);
        // One page for every anonymous reader: no CSRF cookie, no token in it.
        expect(fast.headers['set-cookie']).toBeUndefined();
      }
      vi.restoreAllMocks();
    }
    const [en, zh] = [(await get(job.path)).body, (await get(`/zh${job.path}`)).body];
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<strong>the cold store</strong>');
    expect(en).toContain(`<a href="/jobs/${job.id}/report">`);
    expect(en).not.toContain('name="_csrf"');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<h1>冷库拣货员');
    expect(zh).toContain(`<a href="/zh/jobs/${job.id}/report">`);
  });

  it('leaves a signed-in reader to the route, who gets the report form with their token', async () => {
    const job = await openJob();
    await get(job.path);
    const reader = await signInAs(t, 'member', { displayName: 'Lin Tao' });
    watch();
    const own = await get(job.path, { cookies: reader.cookies, headers: GZIP });
    expect(own.statusCode).toBe(200);
    const html = gunzipSync(own.rawPayload).toString('utf8');
    expect(html).toContain('Lin Tao');
    expect(html).toContain(`action="/jobs/${job.id}/report"`);
    expect(html).toContain('name="_csrf"');
    expect(own.headers['cache-control']).toBe('private, no-store');
    // The page data came from the cache (the route had it), not a new load; only the frame is the reader's.
    expect(loads).not.toHaveBeenCalled();
  });

  it('leaves HEAD, a session cookie, another slug and an unknown id to the route', async () => {
    const job = await openJob();
    await get(job.path);
    const head = await t.app.inject({ method: 'HEAD', url: job.path });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    // A cookie that names no session: the route finds nobody signed in and sends the shared page.
    const cookie = await get(job.path, { cookies: { sid: 'no-such-session' } });
    expect(observable(cookie)).toEqual(observable(await get(job.path)));
    const wrong = await get(`/jobs/${job.id}-wrong-slug`);
    expect(wrong.statusCode).toBe(301);
    expect(wrong.headers.location).toBe(job.path);
    expect((await get(`/zh/jobs/${job.id}`)).headers.location).toBe(`/zh${job.path}`);
    expect((await get('/jobs/99999999-nothing')).statusCode).toBe(404);
  });

  it('sends an edit on the next request: one taking effect at once, and an approved one', async () => {
    const job = await openJob();
    await get(job.path);
    await get(job.path);
    const { values } = await jobs.posting.jobForEdit(employer, job.id);
    // Experience takes effect at once.
    await jobs.posting.saveEdit(employer, job.id, { ...values, experience: '5-10', salaryMax: '9500' });
    watch();
    const edited = (await get(job.path)).body;
    expect(edited).toContain('5–10 years');
    // The salary waits for review: the approved one stays live.
    expect(edited).toContain('¥7k–9k a month');
    expect(loads).toHaveBeenCalledTimes(1);
    await jobs.posting.approveEdit(editor, job.id);
    expect((await get(job.path)).body).toContain('¥7,000–9,500 a month');
    expect(loads).toHaveBeenCalledTimes(2);
    // Then the fast path serves the new page.
    await get(job.path);
    expect(loads).toHaveBeenCalledTimes(2);
  });

  it('says a paused job is paused, and a closed one closed, on the next request', async () => {
    const job = await openJob();
    await get(job.path);
    await get(job.path);
    await jobs.posting.pause(employer, job.id);
    const paused = (await get(job.path)).body;
    expect(paused).toContain('The employer has paused this job');
    expect(paused).toContain('<meta name="robots" content="noindex"');
    // A paused job's page is cached too, and its edits show (they reindex it, out of the index as it is).
    const { values } = await jobs.posting.jobForEdit(employer, job.id);
    await jobs.posting.saveEdit(employer, job.id, { ...values, headcount: '9' });
    expect((await get(job.path)).body).toContain('<dd>9 people</dd>');
    await jobs.posting.close(employer, job.id);
    const closed = (await get(job.path)).body;
    expect(closed).toContain('This job is closed');
    expect(closed).not.toContain('/report"');
  });

  it('stops serving the pages of a company editors refuse: its paused and closed jobs are not found', async () => {
    const other = await verifiedCompany('Snowpeak Cold Chain', '雪峰冷链');
    // Neither is published, so the refusal reindexes neither: only the company's change can drop their pages.
    const shown = { title_en: 'Cold store picker', slug: 'cold-store-picker' };
    const ids = [
      await insertJob(t, other, { ...shown, status: 'paused' }),
      await insertJob(t, other, { ...shown, status: 'closed' }),
    ];
    for (const id of ids) {
      await get(`/jobs/${id}-cold-store-picker`);
      const cached = await get(`/jobs/${id}-cold-store-picker`);
      expect(cached.statusCode).toBe(200);
      expect(cached.body).toContain('Snowpeak Cold Chain');
    }
    await t.modules.companies.service.refuse(editor, other, 'The credit code belongs to another company.');
    for (const id of ids) expect((await get(`/jobs/${id}-cold-store-picker`)).statusCode).toBe(404);
  });

  // SQLite's one connection makes a read wait for the write's commit; PostgreSQL's pool reads the old rows meanwhile.
  it.skipIf(engine.name === 'sqlite')(
    'drops the pages again once a company decision commits: a reader during it kept the old page',
    async () => {
      const other = await verifiedCompany('Frostline Cold Chain', '霜线冷链');
      const { id } = await jobs.posting.createDraft(employer, other, jobForm);
      await jobs.posting.submit(employer, id);
      await jobs.posting.approve(editor, id);
      const path = `/jobs/${id}-cold-store-picker`;
      expect((await get(path)).statusCode).toBe(200);
      // A reader arriving inside the refusal's transaction, after the jobs module's own listener ran.
      let during: (() => Promise<unknown>) | undefined = () => get(path);
      t.modules.companies.service.onCompanyChanged(async () => {
        const read = during;
        during = undefined;
        await read?.();
      });
      await t.modules.companies.service.refuse(editor, other, 'The credit code belongs to another company.');
      expect(during).toBeUndefined();
      expect((await get(path)).statusCode).toBe(404);
    },
  );

  it('says a job has expired, noindex, the moment its last day ends in China', async () => {
    const lastDay = addDays(today(), 3);
    const job = await insertJob(t, company, {
      title_en: 'Cold store picker',
      slug: 'cold-store-picker',
      valid_through: lastDay,
    });
    const path = `/jobs/${job}-cold-store-picker`;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${lastDay}T23:59:50+08:00`));
    const open = (await get(path)).body;
    expect(open).not.toContain('noindex');
    expect(open).toContain('application/ld+json');
    expect((await get(path)).body).toBe(open);
    // Ten seconds later, well within the cache's 30 s: the job's last day is over.
    vi.setSystemTime(new Date(`${addDays(lastDay, 1)}T00:00:00+08:00`));
    const expired = (await get(path)).body;
    expect(expired).toContain('<meta name="robots" content="noindex"');
    expect(expired).toContain('This job is no longer open');
    expect(expired).not.toContain('application/ld+json');
  });

  it('renders a job page again once the applications module counts its responsiveness line again', async () => {
    const job = await openJob();
    await get(job.path);
    watch();
    await get(job.path);
    expect(loads).not.toHaveBeenCalled();
    jobs.applying.applicationsChanged([job.id]);
    await get(job.path);
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it('keeps a page no longer than its 30 seconds', async () => {
    const job = await openJob();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${today()}T12:00:00+08:00`));
    await get(job.path);
    watch();
    vi.setSystemTime(new Date(`${today()}T12:00:29+08:00`));
    await get(job.path);
    expect(loads).not.toHaveBeenCalled();
    vi.setSystemTime(new Date(`${today()}T12:00:31+08:00`));
    await get(job.path);
    expect(loads).toHaveBeenCalledTimes(1);
  });
});
